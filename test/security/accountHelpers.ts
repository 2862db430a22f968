import request from 'supertest'
import type { Express } from 'express'
import type { SendMailOptions } from 'nodemailer'
import { createDemoApp, type DemoApp } from '../../demo/app.js'
import { TEST_ORIGIN } from '../support/demoAgent.js'
import type { DemoMailer } from '../../demo/mailTransport.js'
import type { TestDatabase } from '../support/databases.js'
import type { HashingOptions } from '../../src/index.js'

/** Keeps every message instead of sending it. */
export function memoryMailer(): DemoMailer & { sent: SendMailOptions[] } {
  const sent: SendMailOptions[] = []
  return {
    describe: 'memory',
    sent,
    sendMail: async (message: SendMailOptions) => {
      sent.push(message)
      return { messageId: `<m${sent.length}@test>` }
    },
  }
}

/** One demo instance on the test database (several may share it, as app processes share one). */
export function demoInstance(
  db: TestDatabase,
  options: { loginAttempts?: number; mailer?: DemoMailer; hashing?: HashingOptions } = {},
): DemoApp {
  return createDemoApp({
    dataSource: db.dataSource,
    mailer: options.mailer ?? memoryMailer(),
    sessionSecret: 'test-session-secret-test-session-secret',
    loginAttempts: options.loginAttempts,
    hashing: options.hashing,
    origins: [TEST_ORIGIN],
  })
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** A browser on the client area: keeps its cookies and posts each form with its page's token. */
export function accountBrowser(app: Express) {
  const agent = request.agent(app)
  let csrf = ''
  return {
    agent,
    get: async (path: string) => {
      const res = await agent.get(path)
      csrf = csrfOf(res.text) || csrf
      return res
    },
    post: async (path: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
      const res = await agent
        .post(path)
        .set(headers)
        .type('form')
        .send({ _csrf: csrf, ...form })
      csrf = csrfOf(res.text) || csrf
      return res
    },
  }
}

/** A strong password nobody else uses. */
export const strongPassword = (n: number | string) => `Quatre chevaux bleus dansent ${n} fois`

export { median, timed } from '../support/timing.js'
