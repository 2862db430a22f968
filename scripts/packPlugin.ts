// The plugin as npm ships it, packed once per content and shared by `npm run lint:package`,
// test/package.test.ts and the host-app bed (test/host-app/bed.ts): one `npm pack` (its `prepack`
// builds dist/) where each made its own. The tarball is kept under
// node_modules/.cache/adminjs-clients-pack/, named after a hash of everything that goes into it
// (src/, package.json, the tsconfigs, README.md, CHANGELOG.md): any edit to those packs again, so a
// test never installs a stale build. One pack at a time (a lock folder): they share dist/.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PACK_CACHE = path.join(root, 'node_modules', '.cache', 'adminjs-clients-pack')
const INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'CHANGELOG.md']

/** Hash of the files the tarball is made from. */
export async function packKey(): Promise<string> {
  const entries = await readdir(path.join(root, 'src'), { withFileTypes: true, recursive: true })
  const files = [
    ...entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)),
    ...INPUTS.map((f) => path.join(root, f)),
  ].sort()
  const hash = createHash('sha256')
  for (const file of files)
    hash
      .update(path.relative(root, file))
      .update('\0')
      .update(await readFile(file))
  return hash.digest('hex').slice(0, 20)
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Waits for the lock folder (taken from a process that died), runs `body`, gives it back. */
async function locked<T>(body: () => Promise<T>): Promise<T> {
  const lock = path.join(PACK_CACHE, 'lock')
  const until = Date.now() + 600_000
  for (;;) {
    try {
      await mkdir(lock)
      await writeFile(path.join(lock, 'pid'), String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'))
      if (holder && !alive(holder)) await rm(lock, { recursive: true, force: true })
      else if (Date.now() > until) throw new Error(`${lock} held for 10 minutes by process ${holder}`)
      else await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    return await body()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

/** The path of the tarball of the current sources, packed if there is none yet. */
export async function packedPlugin(): Promise<{ tarball: string; packed: boolean }> {
  await mkdir(PACK_CACHE, { recursive: true })
  const key = await packKey()
  const tarball = path.join(PACK_CACHE, `${key}.tgz`)
  if (existsSync(tarball)) return { tarball, packed: false }
  return locked(async () => {
    if (existsSync(tarball)) return { tarball, packed: false }
    const work = path.join(PACK_CACHE, `building-${process.pid}`)
    await rm(work, { recursive: true, force: true })
    await mkdir(work)
    try {
      const { stdout } = await run('npm', ['pack', '--json', '--silent', '--pack-destination', work], {
        cwd: root,
        timeout: 600_000,
        maxBuffer: 64 * 1024 * 1024,
      })
      // Sources edited while it built: not this key's tarball.
      if ((await packKey()) !== key) throw new Error('the sources changed during `npm pack`: run it again')
      for (const old of await readdir(PACK_CACHE)) {
        if (old.endsWith('.tgz')) await rm(path.join(PACK_CACHE, old), { force: true })
      }
      await rename(path.join(work, JSON.parse(stdout)[0].filename), tarball)
      return { tarball, packed: true }
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  })
}
