import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// `npm start` serves AdminJS's production bundles (minified) and bundles the components once:
// a stamp beside the bundle records the sources it was built from, and a start that finds them
// unchanged reuses it (ADMIN_JS_SKIP_BUNDLE) instead of bundling again. Nothing here imports
// AdminJS: it reads NODE_ENV once, when first imported, so demo/start.ts sets it before.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What the components bundle is made of: the plugin's and the demo's code, and the installed packages. */
const SOURCE_DIRS = ['src', 'demo']
const SOURCE_FILE = /\.(tsx?|jsx?|json)$/
const LOCK_FILE = 'package-lock.json'
const STAMP_FILE = 'adminjs-clients-demo.sources'

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(full)
      return SOURCE_FILE.test(entry.name) ? [full] : []
    })
}

/** A hash of every source file (path and content), the lock file and whether Stripe is set (a tab). */
export function sourcesStamp(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256')
  const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).sort()
  for (const file of [...files, path.join(ROOT, LOCK_FILE)]) {
    hash.update(path.relative(ROOT, file)).update('\0')
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file))
  }
  return hash.update(JSON.stringify({ stripe: Boolean(env.STRIPE_SECRET_KEY) })).digest('hex')
}

function paths(env: NodeJS.ProcessEnv) {
  const dir = path.resolve(env.ADMIN_JS_TMP_DIR || '.adminjs')
  return { bundle: path.join(dir, 'bundle.js'), stamp: path.join(dir, STAMP_FILE) }
}

/** The sources and the very file built from them (a development run rewrites bundle.js in place). */
function stampOf(bundle: string, env: NodeJS.ProcessEnv): string {
  const file = fs.statSync(bundle)
  return `${sourcesStamp(env)} ${file.size} ${Math.round(file.mtimeMs)}`
}

/** The components bundle is there and is the one built from the sources as they are now. */
export function bundleIsFresh(env: NodeJS.ProcessEnv = process.env): boolean {
  const { bundle, stamp } = paths(env)
  if (!fs.existsSync(bundle) || !fs.existsSync(stamp)) return false
  return fs.readFileSync(stamp, 'utf8').trim() === stampOf(bundle, env)
}

/** After a build: the sources it was made from and the file it made, for the next start. */
export function recordBundleSources(env: NodeJS.ProcessEnv = process.env): void {
  const { bundle, stamp } = paths(env)
  fs.writeFileSync(stamp, `${stampOf(bundle, env)}\n`)
}
