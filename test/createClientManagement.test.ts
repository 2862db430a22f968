import path from 'node:path'
import { ComponentLoader } from 'adminjs'
import Stripe from 'stripe'
import { DataSource } from 'typeorm'
import {
  ClientManagementConfigError,
  clientManagementEntities,
  createClientManagement,
  type ClientManagementOptions,
} from '../src/index.js'
import { RESOURCE_IDS } from './support/resourceIds.js'

const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  entities: clientManagementEntities,
})
const mailer = { sendMail: async () => ({}) }
const valid: ClientManagementOptions = {
  dataSource,
  mailer,
  mailFrom: 'Acme <no-reply@acme.test>',
  links: {
    confirmEmail: 'https://app.acme.test/confirm?token={token}',
    resetPassword: 'https://app.acme.test/reset?token={token}',
  },
}

function problemsOf(options: unknown): string[] {
  try {
    createClientManagement(options as ClientManagementOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(ClientManagementConfigError)
    return (error as ClientManagementConfigError).problems
  }
  throw new Error('expected a ClientManagementConfigError')
}

describe('createClientManagement', () => {
  test('returns the eight resources, the component loader and both languages', () => {
    const cm = createClientManagement(valid)
    expect(cm.resources.map((r) => r.options?.id)).toEqual(RESOURCE_IDS)
    expect(Object.keys(cm.componentLoader.getComponents())).toContain('ClientStatusBadge')
    expect(cm.locale.language).toBe('fr')
    expect(cm.locale.availableLanguages).toEqual(['fr', 'en'])
    expect(cm.adminOptions).toEqual({
      componentLoader: cm.componentLoader,
      locale: cm.locale,
      env: { ADMINJS_CLIENTS_CURRENCY: 'EUR' },
      branding: { theme: { colors: { grey60: '#666777', grey40: '#6A737D' } } },
    })
    expect(cm.options.hashing.driver).toBe('argon2id')
  })

  test('accepts a client of the official stripe package', () => {
    const stripe = new Stripe('sk_test_not_used', { host: '127.0.0.1', port: 9, protocol: 'http' })
    expect(createClientManagement({ ...valid, stripe }).options.stripe).toBe(stripe)
  })

  test('uses the language and the component loader it is given', () => {
    const mine = new ComponentLoader()
    const cm = createClientManagement({ ...valid, language: 'en', componentLoader: mine })
    expect(cm.locale.language).toBe('en')
    expect(cm.componentLoader).toBe(mine)
    expect(Object.keys(mine.getComponents())).toEqual([
      'ClientStatusBadge',
      'ClientActionForm',
      'ClientList',
      'LeanList',
      'ViewedList',
      'CommissionImport',
      'ClientMerge',
      'DuplicateCheck',
      'CommissionList',
      'AdvisorShow',
      'SecuritySettings',
      'ClientName',
      'ClientShow',
      'ClientDashboard',
      'ClientStatusDot',
      'HistoryChanges',
      'FormattedValue',
      'ClientListCell',
      'ActionHeader',
      'LoggedIn',
      'RecordActionRoute',
      'RecordInList',
      'DefaultBulkDeleteAction',
      'ExportForm',
      'GdprArchive',
      'RetentionPanel',
      'EmailTemplates',
      'TagChipCell',
      'TagFilter',
      'CampaignEditor',
      'CampaignShow',
      'CustomFieldInputs',
      'CustomFieldFilters',
      'CustomFieldCell',
    ])
  })

  test('a currency option: EUR by default, any ISO 4217 code, anything else refused at start-up', () => {
    expect(createClientManagement({ ...valid, currency: 'CHF' }).adminOptions.env).toEqual({
      ADMINJS_CLIENTS_CURRENCY: 'CHF',
    })
    expect(() => createClientManagement({ ...valid, currency: 'euro' })).toThrow(
      /currency must be an ISO 4217 code/,
    )
  })

  test('jobs.worker takes the outbox’s two places; true and false still mean them; anything else is refused', () => {
    const placed = (worker: unknown) =>
      createClientManagement({ ...valid, jobs: { worker } as ClientManagementOptions['jobs'] }).jobs.options
        .worker
    expect([
      placed(undefined),
      placed('in-process'),
      placed('separate'),
      placed(true),
      placed(false),
    ]).toEqual(['in-process', 'in-process', 'separate', 'in-process', 'separate'])
    expect(problemsOf({ ...valid, jobs: { worker: 'elsewhere' } })).toEqual([
      'jobs.worker must be "in-process" or "separate"',
    ])
    expect(problemsOf({ ...valid, outbox: { worker: true } })).toEqual([
      'outbox.worker must be "in-process" or "separate"',
    ])
  })

  test('startWorkers starts the outbox and the import jobs of this process, and stops both', async () => {
    const source = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      synchronize: true,
      entities: clientManagementEntities,
    })
    await source.initialize()
    try {
      const clients = createClientManagement({ ...valid, dataSource: source })
      const workers = clients.startWorkers()
      expect([clients.outbox.running, clients.jobs.running]).toEqual([true, true])
      await workers.stop()
      expect([clients.outbox.running, clients.jobs.running]).toEqual([false, false])
      // A worker left to another process stays off.
      const web = createClientManagement({
        ...valid,
        outbox: { worker: 'separate' },
        jobs: { worker: 'separate' },
      })
      const none = web.startWorkers()
      expect([web.outbox.running, web.jobs.running]).toEqual([false, false])
      await none.stop()
    } finally {
      await source.destroy()
    }
  })

  test('a host that overrides AdminJS’s header keeps its own', () => {
    const mine = new ComponentLoader()
    mine.override('ActionHeader', path.resolve('src/components/common/ClientStatusBadge'))
    createClientManagement({ ...valid, componentLoader: mine })
    expect(mine.getComponents().ActionHeader).toContain('ClientStatusBadge')
    expect(mine.getComponents().LoggedIn).toContain('PanelAccessibility')
  })

  test('checks the clientTabs option, each problem with where it is', () => {
    const good = { resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number', 'total'] }
    expect(createClientManagement({ ...valid, clientTabs: [good] }).options.clientTabs).toEqual([good])
    expect(problemsOf({ ...valid, clientTabs: { resourceId: 'Invoice' } })).toEqual([
      expect.stringContaining('clientTabs must be a list'),
    ])
    expect(
      problemsOf({
        ...valid,
        clientTabs: [
          good,
          good,
          { resourceId: 'history', foreignKey: 'clientId', columns: ['a'] },
          { resourceId: 'Ticket', foreignKey: '', columns: [] },
          null,
        ],
      }),
    ).toEqual([
      "clientTabs[1].resourceId 'Invoice' is given twice",
      "clientTabs[2].resourceId 'history' is already a tab of the client page",
      expect.stringContaining('clientTabs[3].foreignKey must name the property'),
      expect.stringContaining('clientTabs[3].columns must list the properties'),
      expect.stringContaining('clientTabs[4] must be an object'),
    ])
  })

  test('lists every problem at once', () => {
    const problems = problemsOf({
      dataSource: {},
      mailer: {},
      mailFrom: 'not an email',
      // No {token}; a scheme a mail client would run.
      links: { confirmEmail: 'https://app.example.com/confirm', resetPassword: 'javascript:alert({token})' },
      tokenLifetimes: { confirmationHours: 0 },
      hashing: { driver: 'md5' },
      roles: { admin: 'everything' },
      language: 'de',
      stripe: { charges: {} },
    })
    expect(problems).toEqual([
      expect.stringContaining('dataSource is required'),
      expect.stringContaining('mailer is required'),
      expect.stringContaining('mailFrom must be an email address'),
      expect.stringContaining('links.confirmEmail must be an http(s) URL containing {token}'),
      expect.stringContaining('links.resetPassword must be an http(s) URL containing {token}'),
      expect.stringContaining('tokenLifetimes.confirmationHours must be a whole number from 1 to 1440'),
      expect.stringContaining('stripe must be a client'),
      expect.stringContaining('hashing.driver must be one of bcrypt, argon2id, argon2i'),
      expect.stringContaining('roles.admin must be "*" or a list'),
      expect.stringContaining('language must be one of fr, en'),
    ])
  })

  test('names the entities missing from the DataSource', () => {
    const partial = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [clientManagementEntities[0]],
    })
    const [problem] = problemsOf({ ...valid, dataSource: partial })
    expect(problem).toContain('dataSource.entities lacks Client, Contract')
    expect(problem).toContain('clientManagementEntities')
  })

  test('checks the bcrypt cost and the role map', () => {
    expect(problemsOf({ ...valid, hashing: { driver: 'bcrypt', bcryptCost: 3 } })).toEqual([
      expect.stringContaining('bcryptCost must be a whole number from 4 to 31'),
    ])
    expect(problemsOf({ ...valid, roles: {} })).toEqual([
      expect.stringContaining('roles must map at least one role'),
    ])
    expect(() => createClientManagement(undefined as unknown as ClientManagementOptions)).toThrow(
      ClientManagementConfigError,
    )
  })

  test('an admin may do everything, support only reads and contacts', () => {
    const { accessControl } = createClientManagement(valid)
    const admin = { email: 'a@x.test', role: 'admin' }
    const support = { email: 's@x.test', role: 'support' }
    expect(accessControl.can(admin, 'Client', 'edit')).toBe(true)
    expect(accessControl.can(support, 'Client', 'list')).toBe(true)
    expect(accessControl.can(support, 'Client', 'sendEmail')).toBe(true)
    expect(accessControl.can(support, 'Client', 'edit')).toBe(false)
    expect(accessControl.can(support, 'Advisor', 'sendEmail')).toBe(false)
    expect(accessControl.can({ email: 'x@x.test', role: 'intern' }, 'Client', 'list')).toBe(false)
    expect(accessControl.can(undefined, 'Client', 'list')).toBe(false)
  })
})
