import request from 'supertest'
import type { Express } from 'express'
import { createDemoApp, type DemoApp, type DemoAppOptions } from '../../demo/app.js'
import type { DemoMailer } from '../../demo/mailTransport.js'
import type { HashingOptions, OutboxOptions, StripeLike } from '../../src/index.js'
import type { SeedCounts } from '../../demo/seed.js'
import type { TestDatabase } from './databases.js'
import { copySeedTemplate, seedTemplateUsable } from './seedTemplate.js'
import { DEMO_PASSWORD, TEST_HASHING } from './testHashing.js'

export { DEMO_PASSWORD, TEST_HASHING } from './testHashing.js'

/**
 * The origin the test panel is served at: supertest's server gets a new port each request, so the
 * demo is told this origin and every state-changing request of the tests names it.
 */
export const TEST_ORIGIN = 'http://panel.test'

/** Never sends: the demo HTTP tests do not mail anything. */
export const nullMailer: DemoMailer = {
  describe: 'none',
  sendMail: async () => {
    throw new Error('no mail expected in this test')
  },
}

export interface SeededDemo extends DemoApp {
  counts: SeedCounts
}

export async function seededDemo(
  db: TestDatabase,
  options: {
    loginAttempts?: number
    mailer?: DemoMailer
    stripe?: StripeLike
    /** The panel's origins; default `[TEST_ORIGIN]`; null: the request's own (a real browser on a real port). */
    origins?: string[] | null
    /** The outbox's options; its worker is not started: tests send with `clients.outbox.drain()`. */
    outbox?: Partial<OutboxOptions>
    /** The plugin's `jobs` option (the import worker's lease, heartbeat, poll). */
    jobs?: DemoAppOptions['jobs']
    /** Where the demo's links point (a browser test on a known port); default http://localhost:3000. */
    publicUrl?: string
    /** The plugin's `files` option (a temp directory in the files tests). */
    files?: DemoAppOptions['files']
    /** The plugin's `hashing` option; default TEST_HASHING. */
    hashing?: HashingOptions
    /** The plugin's `roles` option (a support role that may edit clients…). */
    roles?: DemoAppOptions['roles']
  } = {},
): Promise<SeededDemo> {
  const demo = createDemoApp({
    dataSource: db.dataSource,
    mailer: options.mailer ?? nullMailer,
    sessionSecret: 'test-session-secret-test-session-secret',
    loginAttempts: options.loginAttempts ?? 1000,
    stripe: options.stripe,
    origins: options.origins === null ? undefined : (options.origins ?? [TEST_ORIGIN]),
    outbox: options.outbox,
    jobs: options.jobs,
    publicUrl: options.publicUrl,
    files: options.files,
    hashing: options.hashing ?? TEST_HASHING,
    roles: options.roles,
  })
  // The run's seeded rows copied in (test/support/seedTemplate.ts), when hashed as this panel hashes.
  if (seedTemplateUsable(options.hashing)) return { ...demo, counts: await copySeedTemplate(db) }
  // Loaded only here: faker and the seed's code are not needed when the rows are copied.
  const { seedAdmins, seedDemoData } = await import('../../demo/seed.js')
  await seedAdmins(db.dataSource, demo.clients.passwordHasher, DEMO_PASSWORD)
  const counts = await seedDemoData(db.dataSource, demo.clients.passwordHasher)
  if (!counts) throw new Error('expected an empty database to seed')
  return { ...demo, counts }
}

/** A supertest agent logged in to the demo panel (the session cookie is kept between calls). */
export async function loginAs(app: Express, email: string, password = DEMO_PASSWORD) {
  const agent = request.agent(app).set('Origin', TEST_ORIGIN)
  const res = await agent.post('/admin/login').type('form').send({ email, password })
  if (res.status !== 302 || res.headers.location !== '/admin') {
    throw new Error(`login as ${email} failed: ${res.status} ${res.headers.location ?? ''}`)
  }
  return agent
}
