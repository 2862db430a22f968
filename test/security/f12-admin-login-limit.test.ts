// Finding 12: the admin login limit was per IP only, in memory, and counted successful logins.
import request from 'supertest'
import type { Express } from 'express'
import { seedAdmins } from '../../demo/seed.js'
import { describeEachDatabase } from '../support/databases.js'
import { TEST_HASHING, TEST_ORIGIN } from '../support/demoAgent.js'
import { demoInstance, strongPassword } from './accountHelpers.js'

const PASSWORD = strongPassword('admin')

describeEachDatabase(
  'f12: the admin login limit locks out neither the admin nor other addresses',
  (database) => {
    let apps: Express[]

    beforeAll(async () => {
      // What is counted is the subject, not the hash's cost: the tests' cheaper argon2id.
      const demos = [
        demoInstance(database(), { loginAttempts: 10, hashing: TEST_HASHING }),
        demoInstance(database(), { loginAttempts: 10, hashing: TEST_HASHING }),
      ]
      await seedAdmins(database().dataSource, demos[0].clients.passwordHasher, PASSWORD)
      // Behind a proxy, as in production: the client's IP comes from X-Forwarded-For.
      apps = demos.map((demo) => demo.app.set('trust proxy', true))
    })

    const login = (app: Express, ip: string, email: string, password: string) =>
      request(app)
        .post('/admin/login')
        .set({ 'X-Forwarded-For': ip, Origin: TEST_ORIGIN })
        .type('form')
        .send({ email, password })

    test('10 failures for another email from the same IP, or for the admin from another IP, leave the admin in', async () => {
      for (let i = 0; i < 10; i += 1)
        expect((await login(apps[0], '198.51.100.7', 'other@example.com', 'x')).status).toBe(200)
      expect((await login(apps[0], '198.51.100.7', 'other@example.com', 'x')).status).toBe(429)
      expect((await login(apps[0], '198.51.100.7', 'admin@example.com', PASSWORD)).status).toBe(302)

      for (let i = 0; i < 10; i += 1) await login(apps[0], '198.51.100.8', 'admin@example.com', 'wrong')
      const limited = await login(apps[0], '198.51.100.8', 'admin@example.com', PASSWORD)
      expect(limited.status).toBe(429)
      expect(limited.text).toContain('tooManyRequests')
      expect((await login(apps[0], '198.51.100.9', 'admin@example.com', PASSWORD)).status).toBe(302)
    }, 120_000)

    test('successful logins do not count', async () => {
      for (let i = 0; i < 12; i += 1) {
        expect((await login(apps[0], '198.51.100.20', 'support@example.com', PASSWORD)).status).toBe(302)
      }
    }, 60_000)

    test('the limit holds across two app instances on one database', async () => {
      for (let i = 0; i < 10; i += 1) await login(apps[i % 2], '198.51.100.30', 'admin@example.com', 'wrong')
      expect((await login(apps[0], '198.51.100.30', 'admin@example.com', 'wrong')).status).toBe(429)
      expect((await login(apps[1], '198.51.100.30', 'admin@example.com', PASSWORD)).status).toBe(429)
    }, 120_000)
  },
)
