// Finding 9 (client area): a cross-site POST could replace the client area's session cookie.
import request from 'supertest'
import { describeEachDatabase } from '../support/databases.js'
import { accountBrowser, demoInstance } from './accountHelpers.js'

const SESSION_COOKIE = 'adminjs_clients_account'
const setCookies = (res: request.Response): string[] => {
  const raw = res.headers['set-cookie'] as unknown
  return Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : []
}

describeEachDatabase('f09: the client area refuses cross-site posts', (database) => {
  test('a post from another site is refused even with a valid token, and sets no cookie', async () => {
    const app = demoInstance(database()).app
    const browser = accountBrowser(app)
    await browser.get('/account/login')
    const form = { email: 'someone@example.com', password: 'whatever it is' }
    const crossSite: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
      { Origin: 'null', 'Sec-Fetch-Site': 'same-site' },
    ]
    for (const headers of crossSite) {
      const res = await browser.post('/account/login', form, headers)
      expect([headers, res.status]).toEqual([headers, 403])
      expect(setCookies(res)).toEqual([])
    }
    // The same form from the site itself goes through (to the credentials check).
    const own = await browser.post('/account/login', form, { 'Sec-Fetch-Site': 'same-origin' })
    expect(own.status).toBe(401)
    // A browser under a no-referrer policy posts its own forms with `Origin: null`.
    const hidden = await browser.post('/account/login', form, {
      Origin: 'null',
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(hidden.status).toBe(401)
  })

  test("an attacker's post without the victim's cookies gets no session cookie", async () => {
    const app = demoInstance(database()).app
    const res = await request(app)
      .post('/account/login')
      .type('form')
      .send({ _csrf: 'forged', email: 'victim@example.com', password: 'x' })
    expect(res.status).toBe(403)
    expect(setCookies(res).filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([])
  })
})
