// AdminJS's components bundle cannot be stale (issue 26, point 4): a second process with other
// options (prefix, currency) or another version of the plugin served the first one's bundle.
// ADMIN_JS_TMP_DIR is read by AdminJS when it loads: set before any import of it.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Express } from 'express'

const dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-bundle-'))
process.env.ADMIN_JS_TMP_DIR = dir
const { default: AdminJS } = await import('adminjs')
const { default: AdminJSExpress } = await import('@adminjs/express')
const { default: express } = await import('express')
const { default: request } = await import('supertest')
const { DataSource } = await import('typeorm')
const { clientManagementEntities, createClientManagement, bundleReady } = await import('../src/index.js')
const { bundlePaths, bundleStamp, dropStaleBundle, skippedBundleProblems } =
  await import('../src/resources/componentsBundle.js')

const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  entities: clientManagementEntities,
  synchronize: true,
})
await dataSource.initialize()
afterAll(async () => {
  await dataSource.destroy()
  await rm(dir, { recursive: true, force: true })
})

/** One start of the panel with these options: its AdminJS and its router. */
function start(options: { resourceIdPrefix?: string; currency?: string }) {
  const clients = createClientManagement({
    dataSource,
    mailer: { sendMail: async () => ({ messageId: 'x' }) },
    mailFrom: 'Host <no-reply@host.test>',
    links: {
      confirmEmail: 'https://h.test/c?token={token}',
      resetPassword: 'https://h.test/r?token={token}',
    },
    ...options,
  })
  const admin = new AdminJS({ ...clients.adminOptions, rootPath: '/admin', resources: clients.resources })
  const app: Express = express()
  app.use('/admin', AdminJSExpress.buildRouter(admin))
  return { admin, app }
}

const paths = bundlePaths()
const fakeAdmin = (env: Record<string, string>) => ({
  options: { env },
  componentLoader: { getComponents: () => ({ ClientList: '/x/ClientList' }) },
})

describe('the stamp beside the bundle', () => {
  test('a bundle built for other options is removed; for the same ones it stays', async () => {
    await writeFile(paths.bundle, 'built for A')
    expect(dropStaleBundle(fakeAdmin({ P: 'A' }), { ADMIN_JS_TMP_DIR: dir })).toBe(true)
    await expect(stat(paths.bundle)).rejects.toThrow()
    await writeFile(paths.bundle, 'built for A')
    expect(dropStaleBundle(fakeAdmin({ P: 'A' }), { ADMIN_JS_TMP_DIR: dir })).toBe(false)
    expect(await readFile(paths.bundle, 'utf8')).toBe('built for A')
    expect(dropStaleBundle(fakeAdmin({ P: 'B' }), { ADMIN_JS_TMP_DIR: dir })).toBe(true)
    await expect(stat(paths.bundle)).rejects.toThrow()
  })

  test('with ADMIN_JS_SKIP_BUNDLE a missing or stale bundle stops the start; the right one passes', async () => {
    const env = { ADMIN_JS_TMP_DIR: dir, NODE_ENV: 'production', ADMIN_JS_SKIP_BUNDLE: 'true' }
    await rm(paths.bundle, { force: true })
    expect(skippedBundleProblems(fakeAdmin({ P: 'A' }), env)[0]).toMatch(/missing and ADMIN_JS_SKIP_BUNDLE/)
    await writeFile(paths.bundle, 'built for B')
    await writeFile(paths.stamp, bundleStamp(fakeAdmin({ P: 'B' })))
    expect(skippedBundleProblems(fakeAdmin({ P: 'A' }), env)[0]).toMatch(/built for other options/)
    expect(skippedBundleProblems(fakeAdmin({ P: 'B' }), env)).toEqual([])
    // Nothing removed with SKIP: the deploy built it.
    expect(dropStaleBundle(fakeAdmin({ P: 'A' }), env)).toBe(false)
    expect(await readFile(paths.bundle, 'utf8')).toBe('built for B')
  })
})

test('a second start after an option change serves the new options (development)', async () => {
  // The first process's bundle: built with the prefix Old and its stamp.
  const first = start({ resourceIdPrefix: 'Old' })
  await writeFile(paths.bundle, 'AdminJS.env.ADMINJS_CLIENTS_RESOURCE_PREFIX = "Old"\n')
  await writeFile(paths.stamp, bundleStamp(first.admin))
  const old = await request(first.app).get('/admin/frontend/assets/components.bundle.js')
  expect(old.text).toContain('"Old"')

  // The second, with another prefix and currency: AdminJS builds the bundle again.
  const second = start({ resourceIdPrefix: 'Crm', currency: 'CHF' })
  await bundleReady(second.admin)
  const served = await request(second.app).get('/admin/frontend/assets/components.bundle.js')
  expect(served.status).toBe(200)
  expect(served.text).toContain('AdminJS.env.ADMINJS_CLIENTS_RESOURCE_PREFIX = "Crm"')
  expect(served.text).toContain('"CHF"')
  expect(served.text).not.toContain('"Old"')

  // A third with the same options reuses it.
  const built = (await stat(paths.bundle)).mtimeMs
  const third = start({ resourceIdPrefix: 'Crm', currency: 'CHF' })
  await bundleReady(third.admin)
  expect((await request(third.app).get('/admin/frontend/assets/components.bundle.js')).text).toBe(served.text)
  expect((await stat(paths.bundle)).mtimeMs).toBe(built)
}, 600_000)
