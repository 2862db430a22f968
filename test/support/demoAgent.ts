import request from 'supertest'
import type { Express } from 'express'
import { createDemoApp, type DemoApp } from '../../demo/app.js'
import type { DemoMailer } from '../../demo/mailTransport.js'
import type { StripeLike } from '../../src/index.js'
import { seedAdmins, seedDemoData, type SeedCounts } from '../../demo/seed.js'
import type { TestDatabase } from './databases.js'

export const DEMO_PASSWORD = 'test-password-1'

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
  options: { loginAttempts?: number; mailer?: DemoMailer; stripe?: StripeLike } = {},
): Promise<SeededDemo> {
  const demo = createDemoApp({
    dataSource: db.dataSource,
    mailer: options.mailer ?? nullMailer,
    sessionSecret: 'test-session-secret-test-session-secret',
    loginAttempts: options.loginAttempts ?? 1000,
    stripe: options.stripe,
  })
  await seedAdmins(db.dataSource, demo.clients.passwordHasher, DEMO_PASSWORD)
  const counts = await seedDemoData(db.dataSource, demo.clients.passwordHasher)
  if (!counts) throw new Error('expected an empty database to seed')
  return { ...demo, counts }
}

/** A supertest agent logged in to the demo panel (the session cookie is kept between calls). */
export async function loginAs(app: Express, email: string, password = DEMO_PASSWORD) {
  const agent = request.agent(app)
  const res = await agent.post('/admin/login').type('form').send({ email, password })
  if (res.status !== 302 || res.headers.location !== '/admin') {
    throw new Error(`login as ${email} failed: ${res.status} ${res.headers.location ?? ''}`)
  }
  return agent
}
