// Mounting into a real host (issue 18, points 1–4 and 8): the start-up checks, ids that cannot
// collide, a dashboard that works as a page, labels that stay on the plugin's resources.
import AdminJS, { ComponentLoader, locales as adminjsLocales } from 'adminjs'
import { BaseEntity, Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import {
  ClientManagementConfigError,
  clientManagementEntities,
  createClientManagement,
  protectAdminRouter,
  translations,
  type ClientManagementOptions,
} from '../src/index.js'
import { bundleFolderProblems } from '../src/resources/startupChecks.js'
import { adminjsFr } from '../src/locale/fr/adminjs.js'
import { RESOURCE_IDS } from './support/resourceIds.js'

@Entity({ name: 'contracts' })
class Contract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 40 })
  title!: string
}

const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  synchronize: true,
  entities: clientManagementEntities,
})
const hostSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  synchronize: true,
  entities: [Contract],
})
const options: ClientManagementOptions = {
  dataSource,
  mailer: { sendMail: async () => ({}) },
  mailFrom: 'Acme <no-reply@acme.test>',
  links: {
    confirmEmail: 'https://app.acme.test/confirm?token={token}',
    resetPassword: 'https://app.acme.test/reset?token={token}',
  },
}

beforeAll(async () => {
  await dataSource.initialize()
  await hostSource.initialize()
})
afterAll(async () => {
  await dataSource.destroy()
  await hostSource.destroy()
})

function startupError(build: () => unknown): string {
  try {
    build()
  } catch (error) {
    expect(error).toBeInstanceOf(ClientManagementConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ClientManagementConfigError at new AdminJS')
}

describe('resource ids (point 2)', () => {
  test('a host resource with one of our ids stops the start with the clash named', () => {
    const clients = createClientManagement(options)
    const message = startupError(
      () => new AdminJS({ ...clients.adminOptions, resources: [...clients.resources, Contract] }),
    )
    expect(message).toContain("resource id 'Contract'")
    expect(message).toContain('resourceIdPrefix')
  })

  test('resourceIdPrefix puts the prefix before every id, relation, label and the browser env', () => {
    const clients = createClientManagement({ ...options, resourceIdPrefix: 'Crm' })
    const admin = new AdminJS({ ...clients.adminOptions, resources: [...clients.resources, Contract] })
    const ids = admin.resources.map((r) => r.decorate().id())
    expect(ids).toEqual([...RESOURCE_IDS.map((id) => `Crm${id}`), 'Contract'])
    const contract = admin.findResource('CrmContract').decorate()
    expect(contract.getPropertyByKey('clientId')?.reference()?.decorate().id()).toBe('CrmClient')
    expect(contract.getPropertyByKey('advisorId')?.reference()?.decorate().id()).toBe('CrmAdvisor')
    const client = admin.findResource('CrmClient').decorate()
    expect(client.getPropertyByKey('advisorId')?.reference()?.decorate().id()).toBe('CrmAdvisor')
    const en = clients.locale.translations?.en as Record<string, Record<string, unknown>>
    expect(en.labels.CrmClient).toBe('Clients')
    expect(en.resources.CrmClient).toBeDefined()
    expect(en.resources.Client).toBeUndefined()
    expect(clients.adminOptions.env).toEqual({
      ADMINJS_CLIENTS_RESOURCE_PREFIX: 'Crm',
      ADMINJS_CLIENTS_CURRENCY: 'EUR',
    })
  })

  test('a prefix that is not a plain identifier is refused', () => {
    expect(() => createClientManagement({ ...options, resourceIdPrefix: 'a/b' })).toThrow(/resourceIdPrefix/)
  })
})

describe('components on the loader AdminJS bundles (point 3)', () => {
  test('a host loader given to AdminJS but not to the plugin stops the start, naming the option', () => {
    const clients = createClientManagement(options)
    const hostLoader = new ComponentLoader()
    const message = startupError(
      () =>
        new AdminJS({
          componentLoader: hostLoader,
          locale: clients.locale,
          resources: clients.resources,
        }),
    )
    expect(message).toContain('createClientManagement({ componentLoader })')
  })

  test('the same host loader given to both starts', () => {
    const hostLoader = new ComponentLoader()
    const clients = createClientManagement({ ...options, componentLoader: hostLoader })
    const admin = new AdminJS({ componentLoader: hostLoader, resources: clients.resources })
    expect(admin.findResource('Client')).toBeDefined()
  })
})

describe('a rootPath of its own', () => {
  test("AdminJS's default login path outside it stops protectAdminRouter, naming the fix", () => {
    const clients = createClientManagement(options)
    const admin = new AdminJS({
      ...clients.adminOptions,
      rootPath: '/backoffice',
      resources: clients.resources,
    })
    expect(() => protectAdminRouter(admin, { authenticate: async () => null })).toThrow(
      "set loginPath: '/backoffice/login' and logoutPath: '/backoffice/logout'",
    )
    const fixed = new AdminJS({
      ...clients.adminOptions,
      rootPath: '/backoffice',
      loginPath: '/backoffice/login',
      logoutPath: '/backoffice/logout',
      resources: clients.resources,
    })
    expect(() => protectAdminRouter(fixed, { authenticate: async () => null })).not.toThrow()
  })
})

describe('Express 5 and the bundle folder (point 1)', () => {
  test('in production under Express 5 a dotted ADMIN_JS_TMP_DIR is named with its fix', () => {
    const [problem] = bundleFolderProblems({ NODE_ENV: 'production' }, 5)
    expect(problem).toContain('ADMIN_JS_TMP_DIR')
    expect(problem).toContain("'.adminjs'")
  })

  test('Express 4, development or a folder without a dot are fine', () => {
    expect(bundleFolderProblems({ NODE_ENV: 'production' }, 4)).toEqual([])
    expect(bundleFolderProblems({ NODE_ENV: 'development' }, 5)).toEqual([])
    expect(bundleFolderProblems({ NODE_ENV: 'production', ADMIN_JS_TMP_DIR: '/srv/app/bundle' }, 5)).toEqual(
      [],
    )
  })

  test('the check runs at new AdminJS', () => {
    const saved = { ...process.env }
    process.env.NODE_ENV = 'production'
    delete process.env.ADMIN_JS_TMP_DIR
    try {
      // This repository runs Express 4: no problem; the check itself is above.
      const clients = createClientManagement(options)
      expect(() => new AdminJS({ ...clients.adminOptions, resources: clients.resources })).not.toThrow()
    } finally {
      process.env = saved
    }
  })
})

describe('the dashboard as a page (point 4)', () => {
  test('its handler answers through AdminJS pages as through the dashboard', async () => {
    const clients = createClientManagement(options)
    const admin = new AdminJS({
      ...clients.adminOptions,
      resources: clients.resources,
      pages: { clients: clients.dashboard },
    })
    const page = admin.options.pages?.clients
    expect(page?.component).toBe(clients.dashboard.component)
    const data = await page?.handler?.(
      {} as never,
      {} as never,
      {
        currentAdmin: { email: 'a@acme.test', role: 'admin' },
      } as never,
    )
    expect(data).toHaveProperty('dashboard.byStatus')
  })
})

describe('labels scoped to our resources (point 8)', () => {
  type Tree = Record<string, unknown>
  const leaves = (tree: Tree, prefix = ''): [string, unknown][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      value && typeof value === 'object'
        ? leaves(value as Tree, `${prefix}${key}.`)
        : [[`${prefix}${key}`, value]],
    )

  test.each([
    ['en', adminjsLocales.en as Tree],
    ['fr', adminjsFr as Tree],
  ])("every AdminJS text outside our resources keeps AdminJS's wording in %s", (language, adminjs) => {
    const ours = translations[language as 'en' | 'fr'] as Tree
    const changed = leaves(adminjs)
      .filter(([key]) => !key.startsWith('resources.'))
      .filter(([key, value]) => leaves(ours).find(([k]) => k === key)?.[1] !== value)
    expect(changed).toEqual([])
    const client = (ours.resources as Record<string, { actions: Tree }>).Client
    expect(client.actions.bulkDelete).toBe(language === 'en' ? 'Delete' : 'Supprimer')
  })
})
