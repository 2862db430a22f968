// The host-app test bed (issue 18): the packed plugin in a host app of its own, on Express 4 and 5,
// in development (on SQLite) and production (on SQLite and MariaDB). Each combination boots,
// serves the components bundle (the plugin's and the host's) and the plugin's list API next to the
// host's own `Contract`. The browser half is test/e2e/hostApp.e2e.ts.
import { existsSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import path from 'node:path'
import { HOST_ADMIN } from './host-app/hostAdmin.js'
import { logIn, prepareBed, startHost, type Bed, type ExpressMajor, type Mode } from './host-app/bed.js'
import {
  createMysqlDatabase,
  databaseKinds,
  requireMysqlInCi,
  type DatabaseKind,
} from './support/databases.js'

requireMysqlInCi()

let bed: Bed
let mysql: { url: string; drop: () => Promise<void> } | null = null
let runId = ''

beforeAll(async () => {
  bed = await prepareBed()
  runId = `${process.pid}-${Date.now()}`
  if (databaseKinds().includes('mysql')) mysql = await createMysqlDatabase()
}, 600_000)
afterAll(() => mysql?.drop())

// Development mode on SQLite only: what the mode changes is the components bundle (made on the
// first request, not at deploy), the same whatever the database; the database is met by the
// production runs, on both Express majors (both TypeORM types on MariaDB, below). Two host boots
// fewer for the same proof.
const combos: [ExpressMajor, Mode, DatabaseKind][] = []
for (const kind of databaseKinds())
  for (const mode of ['development', 'production'] as const)
    for (const major of [4, 5] as const)
      if (mode === 'production' || kind === 'sqlite') combos.push([major, mode, kind])

async function getJson(origin: string, cookie: string, url: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${origin}/backoffice${url}`, { headers: { cookie } })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

// On MariaDB, Express 4 hosts declare TypeORM's type `mysql` and Express 5 hosts `mariadb`: both
// are met, and the plugin's DataSource and migrations must follow either.
const typeFor = (major: ExpressMajor) => (major === 4 ? 'mysql' : 'mariadb')

test.each(combos)(
  'Express %i, %s, %s: boots, serves the components bundle and the list APIs',
  async (major, mode, kind) => {
    const host = startHost(bed, {
      extraEnv: kind === 'mysql' ? { HOST_DATABASE_TYPE: typeFor(major) } : undefined,
      express: major,
      mode,
      // Production starts on the bundle built at deploy; development bundles on the first request
      // into one folder the later development runs reuse.
      tmpDir: mode === 'production' ? bed.prodBundle : bed.devBundle,
      skipBundle: mode === 'production',
      databaseUrl: kind === 'mysql' ? mysql?.url : undefined,
      sqliteFile: path.join(bed.dir, `host-${runId}.sqlite`),
    })
    try {
      const origin = await host.origin
      const cookie = await logIn(origin, HOST_ADMIN.email, HOST_ADMIN.password)
      const bundle = await fetch(`${origin}/backoffice/frontend/assets/components.bundle.js`, {
        headers: { cookie },
      })
      expect(bundle.status).toBe(200)
      const code = await bundle.text()
      expect(code).toContain('ProductPrice')
      expect(code).toContain('ClientDashboard')
      expect(code).toContain('ADMINJS_CLIENTS_RESOURCE_PREFIX')

      const list = await getJson(origin, cookie, '/api/resources/CrmClient/actions/list')
      expect((list.records as { params: { lastName: string } }[]).map((r) => r.params.lastName)).toEqual(
        expect.arrayContaining(['Bernard', 'Lefevre', 'Moreau']),
      )
      const contracts = await getJson(origin, cookie, '/api/resources/Contract/actions/list')
      expect((contracts.records as { params: { supplier: string } }[])[0].params.supplier).toBe(
        'Acme supplies',
      )
      const page = await getJson(origin, cookie, '/api/pages/clients')
      expect(page).toHaveProperty('dashboard.byStatus')

      // A suspend and its reactivation land on the client's page under its prefixed id.
      const id = (list.records as { id: string }[])[0].id
      for (const [action, fields] of [
        ['suspend', { reason: 'Unpaid premium', contracts: 'true' }],
        ['reactivate', { contracts: 'true' }],
      ] as const) {
        const res = await fetch(`${origin}/backoffice/api/resources/CrmClient/records/${id}/${action}`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        })
        expect(res.status).toBe(200)
        const body = (await res.json()) as { notice: { type: string }; redirectUrl: string }
        expect(body.notice.type).toBe('success')
        expect(body.redirectUrl).toBe(`/backoffice/resources/CrmClient/records/${id}/show`)
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- host output ---\n${host.output()}`)
    } finally {
      await host.stop()
    }
  },
  300_000,
)

test('Express 5 in production on the default .adminjs folder stops at start-up, naming ADMIN_JS_TMP_DIR', async () => {
  const host = startHost(bed, {
    express: 5,
    mode: 'production',
    skipBundle: true,
    sqliteFile: path.join(bed.dir, `host-${runId}-dotted.sqlite`),
  })
  const code = await host.exited
  expect(code).not.toBe(0)
  expect(host.output()).toContain('ClientManagementConfigError')
  expect(host.output()).toContain('ADMIN_JS_TMP_DIR')
}, 120_000)

test('a second process started after an option change serves a bundle with the new option (development)', async () => {
  // A folder of its own, from the shared development bundle (EUR): the other runs keep theirs.
  const tmpDir = path.join(bed.dir, `bundle-dev-options-${runId}`)
  if (existsSync(bed.devBundle)) await cp(bed.devBundle, tmpDir, { recursive: true })
  const run = (currency: string) =>
    startHost(bed, {
      express: 4,
      mode: 'development',
      tmpDir,
      skipBundle: false,
      sqliteFile: path.join(bed.dir, `host-${runId}-${currency}.sqlite`),
      extraEnv: { HOST_CURRENCY: currency },
    })
  for (const currency of ['EUR', 'CHF']) {
    const host = run(currency)
    try {
      const origin = await host.origin
      const cookie = await logIn(origin, HOST_ADMIN.email, HOST_ADMIN.password)
      const bundle = await fetch(`${origin}/backoffice/frontend/assets/components.bundle.js`, {
        headers: { cookie },
      })
      const code = await bundle.text()
      expect(code).toContain(`AdminJS.env.ADMINJS_CLIENTS_CURRENCY = "${currency}"`)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- host output ---\n${host.output()}`)
    } finally {
      await host.stop()
    }
  }
}, 600_000)
