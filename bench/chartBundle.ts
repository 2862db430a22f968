// The weight of recharts in the components bundle (bench/browserCase.ts): the very names the
// plugin's components import from recharts, bundled alone by AdminJS's own components bundler
// (rollup, the same externals, minified in production), in a process of its own with
// NODE_ENV=production and ADMIN_JS_TMP_DIR set by the parent (AdminJS reads them on import).
// Built again only when the sources changed. Prints {"bytes": …, "names": […]} (0 and none when no
// component imports recharts).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { bundleIsFresh, recordBundleSources } from '../demo/productionBundle.js'

const dir = process.env.ADMIN_JS_TMP_DIR
if (process.env.NODE_ENV !== 'production' || !dir)
  throw new Error('bench/chartBundle.ts runs with NODE_ENV=production and ADMIN_JS_TMP_DIR')

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    return entry.isDirectory() ? files(full) : /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** Every name imported from recharts by the components (`import { A, B as C } from 'recharts'`). */
function rechartsNames(sources: string[]): string[] {
  const names = new Set<string>()
  for (const source of sources) {
    for (const [, list] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'recharts'/g)) {
      for (const item of list.split(',')) {
        const name = item.trim().split(/\s+as\s+/)[0]
        if (name && !name.startsWith('type ')) names.add(name)
      }
    }
  }
  return [...names].sort()
}

const names = rechartsNames(files(path.resolve('src/components')).map((file) => readFileSync(file, 'utf8')))
const output = path.join(dir, 'bundle.js')
if (names.length === 0) {
  // No component draws with recharts: it weighs nothing.
  process.stdout.write(`${JSON.stringify({ bytes: 0, names })}\n`)
  process.exit(0)
}
if (!bundleIsFresh()) {
  const { componentsBundler, COMPONENTS_ENTRY_PATH } = await import('adminjs/bundler')
  if (!COMPONENTS_ENTRY_PATH.startsWith(path.resolve(dir))) throw new Error('ADMIN_JS_TMP_DIR was not read')
  // Kept on window, or rollup would leave out what nothing uses.
  await componentsBundler.createEntry({
    content: `import { ${names.join(', ')} } from 'recharts'\nwindow.RechartsWeight = { ${names.join(', ')} }\n`,
  })
  await componentsBundler.build()
  recordBundleSources()
}
process.stdout.write(`${JSON.stringify({ bytes: statSync(output).size, names })}\n`)
