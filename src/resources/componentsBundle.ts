import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type AdminJS from 'adminjs'

// AdminJS's components bundle (ADMIN_JS_TMP_DIR/bundle.js) carries what was baked into it: the
// plugin's components and `env` (resource prefix, currency). AdminJS reuses the file whatever
// changed since (issue 26, point 4): a stamp beside it names the plugin's version and those
// options, and a bundle built for others is removed so AdminJS builds it again.

const STAMP_FILE = 'adminjs-clients.stamp'

/** What of AdminJS the bundle is made of: its `env` and its component loader. */
export interface BundleInputs {
  options: { env?: Record<string, unknown> }
  componentLoader: { getComponents(): Record<string, string> }
}

/** The plugin's version, from its package.json (two folders up, in src/ and in dist/ alike). */
function pluginVersion(): string {
  try {
    const file = new URL('../../package.json', import.meta.url)
    return String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version)
  } catch {
    return 'unknown'
  }
}

/**
 * What the bundle depends on: the plugin's version, AdminJS's `env` and which components the
 * loader holds (by name: the same app installed in another folder shares its bundle).
 */
export function bundleStamp(admin: BundleInputs): string {
  const env = Object.entries(admin.options.env ?? {}).sort()
  return createHash('sha256')
    .update(
      JSON.stringify({
        version: pluginVersion(),
        env,
        components: Object.keys(admin.componentLoader.getComponents()).sort(),
      }),
    )
    .digest('hex')
}

export interface BundlePaths {
  dir: string
  bundle: string
  stamp: string
}

/** Where AdminJS keeps its bundle (its own rule: ADMIN_JS_TMP_DIR, else `.adminjs`, from the cwd). */
export function bundlePaths(env: NodeJS.ProcessEnv = process.env): BundlePaths {
  const dir = path.resolve(env.ADMIN_JS_TMP_DIR || '.adminjs')
  return { dir, bundle: path.join(dir, 'bundle.js'), stamp: path.join(dir, STAMP_FILE) }
}

const skipsBundle = (env: NodeJS.ProcessEnv) =>
  env.NODE_ENV === 'production' && env.ADMIN_JS_SKIP_BUNDLE === 'true'

const readStamp = (paths: BundlePaths) =>
  fs.existsSync(paths.stamp) ? fs.readFileSync(paths.stamp, 'utf8').trim() : null

/** With ADMIN_JS_SKIP_BUNDLE (built at deploy time), a missing or stale bundle stops the start. */
export function skippedBundleProblems(admin: BundleInputs, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!skipsBundle(env)) return []
  const paths = bundlePaths(env)
  const exists = fs.existsSync(paths.bundle)
  if (exists && readStamp(paths) === bundleStamp(admin)) return []
  return [
    `the components bundle in ${paths.dir} is ${exists ? 'built for other options or another version of adminjs-clients' : 'missing'} and ADMIN_JS_SKIP_BUNDLE=true: build it with these options (start once without ADMIN_JS_SKIP_BUNDLE, same ADMIN_JS_TMP_DIR)`,
  ]
}

/**
 * Before AdminJS bundles or serves its bundle: one built for other options or another version
 * is removed, so AdminJS builds it again (on start in production, on first request in
 * development), and the stamp rewritten. Returns whether it removed one.
 */
export function dropStaleBundle(admin: BundleInputs, env: NodeJS.ProcessEnv = process.env): boolean {
  if (skipsBundle(env)) return false
  const paths = bundlePaths(env)
  const wanted = bundleStamp(admin)
  if (readStamp(paths) === wanted) return false
  const existed = fs.existsSync(paths.bundle)
  fs.mkdirSync(paths.dir, { recursive: true })
  fs.rmSync(paths.bundle, { force: true })
  fs.rmSync(path.join(paths.dir, 'entry.js'), { force: true })
  fs.writeFileSync(paths.stamp, `${wanted}\n`)
  return existed
}

const ready = new WeakMap<object, Promise<void>>()

/**
 * Remembers when AdminJS has its bundle: `admin.initialize()` (which the Express router calls)
 * first drops a stale bundle, runs once however many times it is called, and
 * `bundleReady(admin)` resolves when it is done.
 */
export function trackBundle(admin: AdminJS): void {
  if (ready.has(admin)) return
  const initialize = admin.initialize.bind(admin)
  let running: Promise<void> | null = null
  let done!: () => void
  let failed!: (error: unknown) => void
  const promise = new Promise<void>((resolve, reject) => {
    done = resolve
    failed = reject
  })
  // A failed bundle is told by whoever awaits bundleReady; never an unhandled rejection.
  promise.catch(() => undefined)
  ready.set(admin, promise)
  admin.initialize = () => {
    if (!running) dropStaleBundle(admin)
    running ??= initialize().then(done, (error: unknown) => {
      failed(error)
      throw error
    })
    return running
  }
}

/**
 * Resolves when the panel's components bundle is built (production: AdminJS bundles on start;
 * development: it bundles on the first request, so this resolves once the router is built).
 * For a readiness route: the panel must not answer before its bundle exists.
 */
export function bundleReady(admin: AdminJS): Promise<void> {
  return (
    ready.get(admin) ??
    Promise.reject(new Error('adminjs-clients: this AdminJS has none of the plugin’s resources'))
  )
}
