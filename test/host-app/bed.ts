// The host-app test bed: the plugin packed as npm would ship it and installed into two copies of
// the host app, one on Express 4 and one on Express 5 (from the npm registry, cached), each run
// as a process of its own. Built once per content of src/ and the app, under test/host-app/bed/,
// from the tarball of scripts/packPlugin.ts (shared with `npm run lint:package` and package.test.ts).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { packedPlugin } from '../../scripts/packPlugin.js'

const run = promisify(execFile)
const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
// No dot anywhere in these paths: Express 5 would refuse to serve the bundle from them.
const BED = path.join(here, 'bed')
const EXPRESS5 = path.join(BED, 'express5')
const APP_FILES = ['app.ts', 'entities.ts', 'hostAdmin.ts', 'server.ts', 'components/ProductPrice.tsx']

export type ExpressMajor = 4 | 5
export type Mode = 'development' | 'production'

export interface Bed {
  dir: string
  app: Record<ExpressMajor, string>
  /** The production bundle, built once (`ADMIN_JS_TMP_DIR` of every production run). */
  prodBundle: string
  /** The development bundle folder: the first development run bundles, the others reuse it. */
  devBundle: string
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

/** What the bed depends on: the plugin's sources and package.json, and the host app. */
async function contentKey(): Promise<string> {
  const hash = createHash('sha256')
  const files = [
    ...(await filesUnder(path.join(root, 'src'))).sort(),
    path.join(root, 'package.json'),
    path.join(root, 'tsconfig.build.json'),
    ...APP_FILES.map((f) => path.join(here, f)),
  ]
  for (const file of files) hash.update(file).update(await readFile(file))
  return hash.digest('hex').slice(0, 16)
}

/** Express 5 from the npm registry, once (kept between runs). */
async function express5(): Promise<string> {
  const pkg = path.join(EXPRESS5, 'node_modules', 'express', 'package.json')
  if (!existsSync(pkg) || !JSON.parse(await readFile(pkg, 'utf8')).version.startsWith('5.')) {
    await mkdir(EXPRESS5, { recursive: true })
    await run(
      'npm',
      ['install', '--prefix', EXPRESS5, '--no-audit', '--no-fund', '--no-package-lock', 'express@5'],
      { cwd: EXPRESS5, timeout: 120_000 },
    )
  }
  return path.join(EXPRESS5, 'node_modules', 'express')
}

/**
 * One copy of the host app with the tarball installed; for 5, `express5` (the folder of Express 5)
 * and @adminjs/express on it.
 */
async function installApp(
  dir: string,
  tarball: string,
  major: ExpressMajor,
  express5?: Promise<string>,
): Promise<void> {
  const modules = path.join(dir, 'node_modules')
  await mkdir(path.join(modules, 'adminjs-clients'), { recursive: true })
  await run('tar', ['-xzf', tarball, '-C', path.join(modules, 'adminjs-clients'), '--strip-components=1'])
  for (const file of APP_FILES) await cp(path.join(here, file), path.join(dir, 'app', file))
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `host-e${major}`, private: true, type: 'module' }),
  )
  // Its own tsconfig (no path to the plugin's sources): tsx runs the app as the host would.
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        jsx: 'react',
        strict: true,
        experimentalDecorators: true,
        useDefineForClassFields: false,
        esModuleInterop: true,
        skipLibCheck: true,
      },
    }),
  )
  if (major === 5) {
    // The host's Express is 5, and npm gives @adminjs/express (a peer of it) the same one.
    await symlink(await (express5 as Promise<string>), path.join(modules, 'express'), 'dir')
    await cp(path.join(root, 'node_modules/@adminjs/express'), path.join(modules, '@adminjs/express'), {
      recursive: true,
      dereference: true,
    })
  }
  // Everything else (adminjs, typeorm, drivers…) is found in the repository's node_modules above.
}

/** The bed for the current sources: made once, reused by later tests and runs. */
export async function prepareBed(): Promise<Bed> {
  const key = await contentKey()
  const dir = path.join(BED, key)
  const bed: Bed = {
    dir,
    app: { 4: path.join(dir, 'e4'), 5: path.join(dir, 'e5') },
    prodBundle: path.join(dir, 'bundle-prod'),
    devBundle: path.join(dir, 'bundle-dev'),
  }
  if (existsSync(path.join(dir, 'ready'))) return bed
  await mkdir(BED, { recursive: true })
  for (const old of await readdir(BED)) {
    if (old !== 'express5') await rm(path.join(BED, old), { recursive: true, force: true })
  }
  const work = `${dir}-building-${process.pid}`
  await mkdir(work, { recursive: true })
  // Express 5 from the registry (a wait on the network the first time) while the Express 4 copy is
  // installed and bundles: the two are independent.
  const express5Folder = express5()
  express5Folder.catch(() => undefined) // awaited by the Express 5 install below
  // The tarball `npm run lint:package` made for these sources, if it did (packed here otherwise).
  const { tarball } = await packedPlugin()
  await installApp(path.join(work, 'e4'), tarball, 4)
  // The deploy step of the README: bundle once in production mode, start the instances with SKIP.
  // Built in the folder being made (the bundle does not depend on where it is), renamed with it.
  const building: Bed = {
    dir: work,
    app: { 4: path.join(work, 'e4'), 5: path.join(work, 'e5') },
    prodBundle: path.join(work, path.basename(bed.prodBundle)),
    devBundle: path.join(work, path.basename(bed.devBundle)),
  }
  const built = startHost(building, {
    express: 4,
    mode: 'production',
    tmpDir: building.prodBundle,
    skipBundle: false,
    sqliteFile: path.join(work, 'build.sqlite'),
    extraEnv: { HOST_BUILD_ONLY: '1' },
  })
  // Meanwhile the Express 5 copy; the build is waited for even when that install fails.
  const installed = installApp(path.join(work, 'e5'), tarball, 5, express5Folder).then(
    () => null,
    (error: unknown) => error,
  )
  const code = await built.exited
  if (code !== 0) throw new Error(`the production bundle was not built:\n${built.output()}`)
  const installError = await installed
  if (installError) throw installError
  await rename(work, dir)
  await writeFile(path.join(dir, 'ready'), new Date().toISOString())
  return bed
}

export interface HostRun {
  express: ExpressMajor
  mode: Mode
  /** ADMIN_JS_TMP_DIR; unset for AdminJS's default `.adminjs`. */
  tmpDir?: string
  skipBundle: boolean
  databaseUrl?: string
  sqliteFile: string
  extraEnv?: Record<string, string>
}

export interface RunningHost {
  process: ChildProcess
  /** http://127.0.0.1:<port>, once listening. */
  origin: Promise<string>
  exited: Promise<number | null>
  output(): string
  stop(): Promise<void>
}

/** Starts the host app of `bed` as its own process; it stops when `stop()` closes its stdin. */
export function startHost(bed: Bed, options: HostRun): RunningHost {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: options.mode,
    ADMIN_JS_TMP_DIR: options.tmpDir,
    ADMIN_JS_SKIP_BUNDLE: options.skipBundle ? 'true' : undefined,
    HOST_DATABASE_URL: options.databaseUrl,
    HOST_SQLITE_FILE: options.sqliteFile,
    HOST_MAX_MS: '600000',
    ...options.extraEnv,
  }
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name]
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/server.ts'], {
    cwd: bed.app[options.express],
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const origin = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const port = /\{"port":(\d+)\}/.exec(output)?.[1]
      if (port) resolve(`http://127.0.0.1:${port}`)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    void exited.then((code) =>
      reject(new Error(`the host app exited (${code}) before listening:\n${output}`)),
    )
  })
  origin.catch(() => undefined)
  return {
    process: child,
    origin,
    exited,
    output: () => output,
    async stop() {
      child.stdin?.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Logs in as the host's admin through the panel's form; returns the session cookie. */
export async function logIn(origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/backoffice/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: 'manual',
  })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (res.status !== 302 || !cookie.includes('host_admin=')) {
    throw new Error(`login refused: ${res.status} ${await res.text()}`)
  }
  return cookie
}
