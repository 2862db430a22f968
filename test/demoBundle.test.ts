import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { bundleIsFresh, recordBundleSources, sourcesStamp } from '../demo/productionBundle.js'

// Issue 31, point 10: `npm start` bundles the components once, and again only when what they are
// made of changed (demo/start.ts sets ADMIN_JS_SKIP_BUNDLE when the bundle is fresh).
describe('the demo production bundle', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-demo-bundle-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  test('fresh only when the bundle is there and was built from the sources as they are', async () => {
    const env = { ADMIN_JS_TMP_DIR: dir }
    expect(bundleIsFresh(env)).toBe(false)
    await writeFile(path.join(dir, 'bundle.js'), '/* production bundle */')
    recordBundleSources(env)
    expect(bundleIsFresh(env)).toBe(true)
    // Another bundle written in its place (a development run's): built again.
    await writeFile(path.join(dir, 'bundle.js'), '/* a development bundle, longer */')
    expect(bundleIsFresh(env)).toBe(false)
    // Removed (by a development start): built again.
    await rm(path.join(dir, 'bundle.js'))
    expect(bundleIsFresh(env)).toBe(false)
    await writeFile(path.join(dir, 'bundle.js'), '/* production bundle */')
    recordBundleSources(env)
    expect(bundleIsFresh(env)).toBe(true)
    // Stripe configured adds a tab's component: another bundle.
    expect(bundleIsFresh({ ...env, STRIPE_SECRET_KEY: 'sk_test_x' })).toBe(false)
    // Another stamp (other sources): built again.
    await writeFile(path.join(dir, 'adminjs-clients-demo.sources'), 'another\n')
    expect(bundleIsFresh(env)).toBe(false)
  })

  test('the stamp follows the sources: the same twice, another with Stripe', () => {
    expect(sourcesStamp({})).toBe(sourcesStamp({}))
    expect(sourcesStamp({})).toMatch(/^[0-9a-f]{64}$/)
    expect(sourcesStamp({ STRIPE_SECRET_KEY: 'x' })).not.toBe(sourcesStamp({}))
  })
})
