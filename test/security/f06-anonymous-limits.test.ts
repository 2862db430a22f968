// Finding 6: no limit on unauthenticated work (register, forgot, confirmation resend), and a long
// password cost seconds of CPU in the strength check.
import { jest } from '@jest/globals'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { AccountRefused } from '../../src/index.js'
import { PasswordHasher } from '../../src/services/accounts/passwordHasher.js'
import { describeEachDatabase } from '../support/databases.js'
import { accountBrowser, demoInstance, strongPassword } from './accountHelpers.js'

describeEachDatabase('f06: anonymous requests of the client area are limited', (database) => {
  test('register, forgot and resend answer 429 past 10 requests from one IP, counted across two app instances', async () => {
    const apps = [demoInstance(database()).app, demoInstance(database()).app]
    const forms = {
      register: (n: number) => ({
        lastName: 'Limite',
        email: `ip.register.${n}@example.com`,
        password: strongPassword(n),
      }),
      forgot: (n: number) => ({ email: `ip.forgot.${n}@example.com` }),
      'confirm/resend': (n: number) => ({ email: `ip.resend.${n}@example.com` }),
    }
    for (const [path, form] of Object.entries(forms)) {
      const page = path === 'confirm/resend' ? 'login' : path
      const statuses: number[] = []
      for (let n = 0; n < 11; n += 1) {
        // Alternately on each instance: the counters are in the shared database.
        const browser = accountBrowser(apps[n % 2])
        await browser.get(`/account/${page}`)
        const res = await browser.post(`/account/${path}`, form(n))
        statuses.push(res.status)
        if (res.status === 429) {
          expect(res.text).toContain('data-refusal="rateLimited"')
          expect(res.text).toContain('Trop de demandes')
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
        }
      }
      expect([path, statuses]).toEqual([path, [...Array(10).fill(303), 429]])
    }
  }, 120_000)

  test('a fourth request for one address within the hour is refused, whatever the IP', async () => {
    const { accounts } = demoInstance(database()).clients
    const refusedFourth = async (call: (ip: string) => Promise<unknown>) => {
      for (let i = 0; i < 3; i += 1) await call(`198.51.100.${i + 1}`)
      return call('198.51.100.4').then(
        () => null,
        (error: unknown) => (error instanceof AccountRefused ? error.reason : String(error)),
      )
    }
    expect(await refusedFourth((ip) => accounts.requestPasswordReset('target@example.com', ip))).toBe(
      'rateLimited',
    )
    expect(await refusedFourth((ip) => accounts.requestConfirmationEmail('target@example.com', ip))).toBe(
      'rateLimited',
    )
    expect(
      await refusedFourth((ip) =>
        accounts.register({
          lastName: 'Cible',
          email: 'Target@example.com',
          password: strongPassword('t'),
          ip,
        }),
      ),
    ).toBe('rateLimited')
    await accounts.idle()
  }, 60_000)

  test('a 1 KB password is refused at once with a field error, and is simply a wrong one at login', async () => {
    // From an IP of its own (behind a proxy): the first test used up 127.0.0.1's registrations.
    const app = demoInstance(database()).app.set('trust proxy', true)
    const browser = accountBrowser(app)
    const from = { 'X-Forwarded-For': '192.0.2.99' }
    await browser.get('/account/register')
    const long = 'Zq7!vR2#mK9@xL4$'.repeat(64)
    // "At once": neither the strength check (seconds of CPU for a long password) nor the hash runs;
    // counted rather than timed, so a busy machine changes nothing.
    const strength = jest.spyOn(ZxcvbnFactory.prototype, 'checkAsync')
    const hash = jest.spyOn(PasswordHasher.prototype, 'hash')
    let res: Awaited<ReturnType<typeof browser.post>>
    try {
      res = await browser.post(
        '/account/register',
        {
          lastName: 'Long',
          email: 'long.password@example.com',
          password: long,
        },
        from,
      )
      expect([strength.mock.calls.length, hash.mock.calls.length]).toEqual([0, 0])
      // The same form with a password of a usual length runs both: the spies see the calls.
      await browser.post(
        '/account/register',
        { lastName: 'Court', email: 'usual.password@example.com', password: strongPassword('usual') },
        { 'X-Forwarded-For': '192.0.2.98' },
      )
      expect([strength.mock.calls.length, hash.mock.calls.length]).toEqual([1, 1])
    } finally {
      strength.mockRestore()
      hash.mockRestore()
    }
    expect(res.status).toBe(422)
    expect(res.text).toContain('data-error="password"')
    expect(res.text).toContain('Ce mot de passe est trop long.')
    await browser.get('/account/login')
    const login = await browser.post(
      '/account/login',
      { email: 'long.password@example.com', password: long },
      from,
    )
    expect(login.status).toBe(401)
    expect(login.text).toContain('data-refusal="invalidCredentials"')
  })
})
