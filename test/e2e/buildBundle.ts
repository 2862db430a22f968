// Started by the browser tests' global setup (test/e2e/globalSetup.mjs) with NODE_ENV=production
// and ADMIN_JS_TMP_DIR set: AdminJS's production components bundle (minified), built once for the
// whole run by AdminJS's own bundler from a demo app like the tests' (seededDemo's options), and
// kept while the sources stay the same (demo/productionBundle.ts's stamp, as `npm start` does).
// The test files then start their demo apps with ADMIN_JS_SKIP_BUNDLE=true.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { bundleIsFresh, recordBundleSources } from '../../demo/productionBundle.js'

if (process.env.NODE_ENV !== 'production' || !process.env.ADMIN_JS_TMP_DIR) {
  throw new Error(
    'test/e2e/buildBundle.ts runs with NODE_ENV=production and ADMIN_JS_TMP_DIR (its global setup)',
  )
}
// The plugin's package.json too: its version is in the bundle's own stamp (src/resources/componentsBundle.ts).
const manifest = path.join(process.env.ADMIN_JS_TMP_DIR, 'package.json.copy')
const samePackage =
  existsSync(manifest) && readFileSync(manifest, 'utf8') === readFileSync('package.json', 'utf8')
if (samePackage && bundleIsFresh()) {
  process.stdout.write(`\ncomponents bundle: reused (${process.env.ADMIN_JS_TMP_DIR}, same sources)\n`)
  process.exit(0)
}
delete process.env.ADMIN_JS_SKIP_BUNDLE
const started = Date.now()
const { bundleReady } = await import('../../src/index.js')
const { createDemoApp } = await import('../../demo/app.js')
const { createTestDatabase } = await import('../support/databases.js')
const { nullMailer } = await import('../support/demoAgent.js')
const db = await createTestDatabase('sqlite')
try {
  // The router AdminJS's Express plugin builds calls admin.initialize(): in production, the bundle.
  const { admin } = createDemoApp({
    dataSource: db.dataSource,
    mailer: nullMailer,
    sessionSecret: 'test-session-secret-test-session-secret',
  })
  await bundleReady(admin)
  recordBundleSources()
  writeFileSync(manifest, readFileSync('package.json', 'utf8'))
} finally {
  await db.dispose()
}
process.stdout.write(
  `\ncomponents bundle: built in ${((Date.now() - started) / 1000).toFixed(0)} s (${process.env.ADMIN_JS_TMP_DIR})\n`,
)
process.exit(0)
