// Finding 11: every anonymous GET on /account/* created a session row (8 hours each).
import { Session } from '../../demo/entities/Session.js'
import { describeEachDatabase } from '../support/databases.js'
import { accountBrowser, demoInstance } from './accountHelpers.js'

describeEachDatabase('f11: anonymous visitors of the client area cost no session row', (database) => {
  test('20 anonymous GETs create no session row, and an anonymous form still posts', async () => {
    const app = demoInstance(database()).app
    const sessions = () => database().dataSource.getRepository(Session).count()
    const before = await sessions()
    const pages = [
      '/account',
      '/account/login',
      '/account/register?lang=en',
      '/account/forgot',
      '/account/reset?token=x',
    ]
    for (let i = 0; i < 20; i += 1) {
      const res = await accountBrowser(app).get(pages[i % pages.length])
      expect([200, 303]).toContain(res.status)
    }
    expect(await sessions()).toBe(before)

    // The CSRF token lives in a cookie: the forgot form works without a session, in the language chosen.
    const browser = accountBrowser(app)
    await browser.get('/account/forgot?lang=en')
    const sent = await browser.post('/account/forgot', { email: 'someone@example.com' })
    expect(sent.status).toBe(303)
    const next = await browser.get(sent.headers.location)
    expect(next.text).toContain('If an account uses this address')
    expect(await sessions()).toBe(before)
  })
})
