import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { packedPlugin } from '../scripts/packPlugin.js'
import { RESOURCE_IDS } from './support/resourceIds.js'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Inside the repo (git-ignored), so the packed code resolves its peers from the repo's node_modules.
const work = path.join(root, '.pack-test')
const app = path.join(work, 'app')

// What a host app does with the installed package: entities on its DataSource, the module, AdminJS,
// and the production bundle of the plugin's components (AdminJS's own rollup + babel).
const HOST_APP = `
import AdminJS from 'adminjs'
import { DataSource } from 'typeorm'
import { Client, clientManagementEntities, clientManagementMigrations, createClientManagement } from 'adminjs-clients'

const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: clientManagementEntities, synchronize: true })
await dataSource.initialize()
const clients = createClientManagement({ dataSource, mailer: { sendMail: async () => ({}) }, mailFrom: 'a@example.com', links: { confirmEmail: 'https://x.example/c?t={token}', resetPassword: 'https://x.example/r?t={token}' } })
const admin = new AdminJS({ ...clients.adminOptions, resources: clients.resources })
await admin.initialize()
const saved = await dataSource.getRepository(Client).save(dataSource.getRepository(Client).create({ lastName: 'Martin' }))
console.log(JSON.stringify({
  resources: clients.resources.map((r) => r.options.id),
  components: clients.componentLoader.getComponents(),
  migrations: clientManagementMigrations.length,
  clientNumber: saved.clientNumber,
}))
`

describe('the npm package', () => {
  let tarball: string
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true })
    await mkdir(path.join(app, 'node_modules', 'adminjs-clients'), { recursive: true })
    // `npm pack` (its `prepack` builds dist/) of the current sources, or the tarball
    // `npm run lint:package` made of them (scripts/packPlugin.ts).
    tarball = (await packedPlugin()).tarball
    await run('tar', [
      '-xzf',
      tarball,
      '-C',
      path.join(app, 'node_modules', 'adminjs-clients'),
      '--strip-components=1',
    ])
  }, 600_000)
  afterAll(() => rm(work, { recursive: true, force: true }))

  test('ships the compiled code, its types and the components, not the sources or the demo', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball])
    const files = stdout.split('\n').filter(Boolean)
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/dist/components/common/ClientStatusBadge.js',
        'package/dist/components/clientShow/ClientShow.js',
        'package/README.md',
        'package/CHANGELOG.md',
        'package/package.json',
      ]),
    )
    expect(files.filter((f) => /^package\/(src|demo|test|scripts|examples)\//.test(f))).toEqual([])
    // Specs stay in the repository.
    expect(files.filter((f) => /\.spec\.(js|d\.ts)$/.test(f))).toEqual([])
  })

  test('works when installed into another app, components bundled by AdminJS', async () => {
    // A package.json of its own: without it Node would resolve 'adminjs-clients' to the repo itself.
    await writeFile(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'host-app', private: true, type: 'module' }),
    )
    await writeFile(path.join(app, 'host.mjs'), HOST_APP)
    const tmpDir = path.join(work, 'adminjs-tmp')
    const { stdout } = await run(process.execPath, ['host.mjs'], {
      cwd: app,
      env: { ...process.env, NODE_ENV: 'production', ADMIN_JS_TMP_DIR: tmpDir },
      timeout: 180_000,
    })
    const result = JSON.parse(stdout.trim().split('\n').pop() as string)
    expect(result.resources).toEqual(RESOURCE_IDS)
    expect(result.migrations).toBeGreaterThan(0)
    expect(result.clientNumber).toMatch(/^C\w{8}$/)
    const badge = result.components.ClientStatusBadge as string
    expect(badge.startsWith(path.join(app, 'node_modules', 'adminjs-clients', 'dist', 'components'))).toBe(
      true,
    )
    expect(existsSync(`${badge}.js`)).toBe(true)
    const bundle = readFileSync(path.join(tmpDir, 'bundle.js'), 'utf8')
    expect(bundle).toContain('ClientStatusBadge')
    expect(bundle).toContain('data-status')
    // The stamp of what it was built for sits beside it (issue 26).
    expect(existsSync(path.join(tmpDir, 'adminjs-clients.stamp'))).toBe(true)
  }, 200_000)
})
