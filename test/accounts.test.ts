import { jest } from '@jest/globals'
import bcrypt from 'bcrypt'
import { generate } from 'otplib'
import {
  Client,
  ClientEvent,
  ClientToken,
  EmailLog,
  InvalidInputError,
  createClientManagement,
  hashFormat,
  type ClientManagement,
  type HashingOptions,
} from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { mailText, startSmtpServer } from './support/smtpServer.js'
import { phpHashes } from './support/fixtures.js'
import { steadyRatio } from './support/timing.js'
import { TEST_HASHING } from './support/demoAgent.js'

const PASSWORD = 'correct horse battery staple'

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>

const tokenIn = (raw: string, path: string) => {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mailText(raw))
  if (!match) throw new Error(`no ${path} link in the email`)
  return match[1]
}

// Every test here hashes or checks argon2id passwords: seconds on a quiet machine, minutes on a busy one.
jest.setTimeout(300_000)

describeEachDatabase('client accounts (register, confirm, login, 2FA, reset)', (database) => {
  let smtp: Smtp
  let clients: ClientManagement
  const warnings: { message: string; details?: Record<string, unknown> }[] = []
  const ds = () => database().dataSource
  const ip = '203.0.113.7'

  // Two instances on the one database: `atPhpCost` hashes at PHP's default argon2id cost (the
  // plugin's default), for the tests whose subject is that cost (PHP's hashes kept as they are,
  // the login timing); `clients`, at the tests' cheaper cost (test/support/demoAgent.ts), for the
  // others, where the cost changes nothing but the time.
  let atPhpCost: ClientManagement
  beforeAll(async () => {
    smtp = await startSmtpServer()
    const make = (hashing: HashingOptions) =>
      createClientManagement({
        dataSource: ds(),
        mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
        mailFrom: 'Cabinet Test <no-reply@test.example.com>',
        links: {
          confirmEmail: 'https://app.test/account/confirm?token={token}',
          resetPassword: 'https://app.test/account/reset?token={token}',
        },
        hashing,
        logger: {
          warn: (message, details) => warnings.push({ message, details }),
          error: (message, details) => warnings.push({ message, details }),
        },
      })
    clients = make(TEST_HASHING)
    atPhpCost = make({ driver: 'argon2id' })
  })
  afterAll(() => smtp?.close())

  // The outbox sends what the accounts queued; tests send it by hand (no worker running).
  const mailsTo = async (address: string) => {
    await clients.outbox.drain()
    return smtp.received.filter((m) => m.to.includes(address))
  }
  const events = async (clientId: number) =>
    (
      await ds()
        .getRepository(ClientEvent)
        .find({ where: { clientId }, order: { id: 'ASC' } })
    ).map((e) => ({
      type: e.type,
      actorType: e.actorType,
      ip: e.ip,
      data: e.data,
    }))
  const storedHash = async (id: number) =>
    (
      await ds()
        .getRepository(Client)
        .createQueryBuilder('c')
        .addSelect('c.passwordHash')
        .where('c.id = :id', { id })
        .getOneOrFail()
    ).passwordHash as string
  let seq = 0
  const makeClient = async (values: Partial<Client>) => {
    seq += 1
    return ds()
      .getRepository(Client)
      .save(
        ds()
          .getRepository(Client)
          .create({
            clientNumber: `ACC${String(seq).padStart(5, '0')}`,
            lastName: 'Martin',
            firstName: 'Alice',
            email: `alice${seq}@example.com`,
            status: 'active',
            emailConfirmedAt: new Date(),
            ...values,
          }),
      )
  }

  describe('hashes made elsewhere', () => {
    // Node's bcrypt writes $2b$; $2a$ is the same algorithm under its older name.
    const node2b = bcrypt.hashSync(PASSWORD, 10)
    const cases: [string, string, string][] = [
      ...phpHashes.map((f): [string, string, string] => [
        `PHP ${f.hash.slice(0, f.hash.indexOf('$', 1) + 1)}`,
        f.password,
        f.hash,
      ]),
      ['node $2b$', PASSWORD, node2b],
      ['$2a$', PASSWORD, node2b.replace(/^\$2b\$/, '$2a$')],
    ]

    test.each(cases)(
      '%s logs in, then is rehashed to argon2id at the configured cost unless it already is',
      async (_name, password, hash) => {
        const client = await makeClient({ passwordHash: hash })
        // PHP's own argon2id defaults are ours: that hash is kept as it is.
        const stale = atPhpCost.passwordHasher.needsRehash(hash)
        expect(stale).toBe(!hash.startsWith('$argon2id$'))
        const first = await atPhpCost.accounts.authenticate({ email: client.email, password, ip })
        expect(first).toMatchObject({ ok: true, rehashed: stale })
        const rehashed = await storedHash(client.id)
        expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=65536,(p=1,t=4|t=4,p=1)\$/)
        if (!stale) expect(rehashed).toBe(hash)
        expect(atPhpCost.passwordHasher.needsRehash(rehashed)).toBe(false)
        expect(await atPhpCost.passwordHasher.verify(rehashed, password)).toBe(true)
        const again = await atPhpCost.accounts.authenticate({ email: client.email, password, ip })
        expect(again).toMatchObject({ ok: true, rehashed: false })
        expect(await storedHash(client.id)).toBe(rehashed)
        const logins = (await events(client.id)).filter((e) => e.type === 'login')
        expect(logins).toHaveLength(2)
        expect(logins[0]).toMatchObject({ actorType: 'client', ip })
        expect(logins[0].data).toEqual(
          stale ? { rehashedFrom: hashFormat(hash), rehashedTo: 'argon2id' } : null,
        )
        expect(logins[1].data).toBeNull()
        // The history never holds a hash, old or new.
        const raw = JSON.stringify(await ds().getRepository(ClientEvent).findBy({ clientId: client.id }))
        expect(raw).not.toContain(hash.slice(-20))
        expect(raw).not.toContain(rehashed.slice(-20))
      },
    )

    test.each([
      ['truncated $2y$', phpHashes[0].hash.slice(0, 40)],
      ['truncated $argon2id$', phpHashes[2].hash.slice(0, 60)],
      ['an MD5', '5f4dcc3b5aa765d61d8327deb882cf99'],
    ])('%s is refused cleanly, logged without the hash, and recorded', async (_name, hash) => {
      warnings.length = 0
      const client = await makeClient({ passwordHash: hash })
      const result = await clients.accounts.authenticate({
        email: client.email,
        password: 'Motdepasse!2024',
        ip,
      })
      // The visitor sees a wrong password (another answer would say the email exists); the log and the history say why.
      expect(result).toEqual({ ok: false, reason: 'invalidCredentials' })
      expect(warnings).toHaveLength(1)
      expect(warnings[0].details).toMatchObject({ clientId: client.id })
      expect(JSON.stringify(warnings)).not.toContain(hash.slice(4))
      expect(await storedHash(client.id)).toBe(hash)
      expect((await events(client.id)).map((e) => [e.type, e.data?.reason])).toEqual([
        ['login_failed', 'passwordUnusable'],
      ])
    })
  })

  test('the whole path: register → email → confirm → login → 2FA → reset, with the events each step leaves', async () => {
    const email = 'Nouveau.Client@Example.com'
    const registered = await clients.accounts.register({
      lastName: 'Nouveau',
      firstName: 'Client',
      email,
      password: PASSWORD,
      locale: 'fr',
      ip,
    })
    expect(registered).toMatchObject({
      confirmationSent: true,
      emailFailed: false,
      client: { status: 'pending', email: 'nouveau.client@example.com' },
    })
    expect(JSON.stringify(registered)).not.toMatch(/argon2|passwordHash/)
    if (!registered.client) throw new Error('expected a new client')
    const id = registered.client.id

    // Not confirmed yet: the right password is refused with a reason the client area can show.
    expect(await clients.accounts.authenticate({ email, password: PASSWORD, ip })).toEqual({
      ok: false,
      reason: 'unconfirmed',
    })

    const [confirmation] = await mailsTo('nouveau.client@example.com')
    expect(confirmation.raw).toMatch(/Subject: =\?UTF-8\?Q\?Confirmez|Subject: Confirmez/)
    const confirmToken = tokenIn(confirmation.raw, '/account/confirm')
    expect(await clients.accounts.confirmEmail(confirmToken, ip)).toMatchObject({
      alreadyConfirmed: false,
      client: { status: 'active' },
    })
    // Single use.
    await expect(clients.accounts.confirmEmail(confirmToken, ip)).rejects.toMatchObject({
      reason: 'tokenInvalid',
    })

    const login = await clients.accounts.authenticate({
      email: ' NOUVEAU.client@example.com ',
      password: PASSWORD,
      ip,
    })
    expect(login).toMatchObject({ ok: true, rehashed: false, client: { id, twoFactorEnabled: false } })
    const after = await ds().getRepository(Client).findOneByOrFail({ id })
    expect(after.lastLoginIp).toBe(ip)
    expect(after.lastLoginAt).not.toBeNull()

    // 2FA: a secret to scan, on only once a code from the app proves it.
    const { secret, otpauthUrl } = await clients.accounts.enableTwoFactor(id)
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Cabinet%20Test:nouveau\.client%40example\.com\?secret=/)
    await expect(
      clients.accounts.confirmTwoFactor({ clientId: id, code: '000000', ip }),
    ).rejects.toBeInstanceOf(InvalidInputError)
    const { recoveryCodes } = await clients.accounts.confirmTwoFactor({
      clientId: id,
      code: await generate({ secret }),
      ip,
    })
    expect(recoveryCodes).toHaveLength(10)
    const stored = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.twoFactorRecoveryCodes')
      .where('c.id = :id', { id })
      .getOneOrFail()
    expect(stored.twoFactorRecoveryCodes).toHaveLength(10)
    expect(JSON.stringify(stored.twoFactorRecoveryCodes)).not.toContain(recoveryCodes[0].replace('-', ''))

    expect(await clients.accounts.authenticate({ email, password: PASSWORD, ip })).toEqual({
      ok: false,
      reason: 'totpRequired',
    })
    expect(await clients.accounts.authenticate({ email, password: PASSWORD, totp: '123456', ip })).toEqual({
      ok: false,
      reason: 'invalidTotp',
    })
    // The code of the next 30 s step: the one used to confirm cannot be replayed.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    expect(await clients.accounts.authenticate({ email, password: PASSWORD, totp: next, ip })).toMatchObject({
      ok: true,
    })
    expect(await clients.accounts.authenticate({ email, password: PASSWORD, totp: next, ip })).toEqual({
      ok: false,
      reason: 'invalidTotp',
    })
    const recovery = recoveryCodes[3].toLowerCase()
    expect(
      await clients.accounts.authenticate({ email, password: PASSWORD, totp: recovery, ip }),
    ).toMatchObject({ ok: true, recoveryCodesLeft: 9 })
    expect(await clients.accounts.authenticate({ email, password: PASSWORD, totp: recovery, ip })).toEqual({
      ok: false,
      reason: 'invalidTotp',
    })

    // Reset: same answer for an unknown email, and nothing sent or written for it.
    const eventsBefore = await ds().getRepository(ClientEvent).count()
    expect(await clients.accounts.requestPasswordReset('nobody@example.com', ip)).toBeUndefined()
    await clients.accounts.idle()
    expect(await ds().getRepository(ClientEvent).count()).toBe(eventsBefore)
    expect(await clients.accounts.requestPasswordReset(email, ip)).toBeUndefined()
    await clients.accounts.idle()
    // Sent before the second is asked for: the two arrive in that order.
    await clients.outbox.drain()
    await clients.accounts.requestPasswordReset(email, ip)
    await clients.accounts.idle()
    const resets = (await mailsTo('nouveau.client@example.com')).filter((m) =>
      m.raw.includes('/account/reset'),
    )
    expect(resets).toHaveLength(2)
    const oldToken = tokenIn(resets[0].raw, '/account/reset')
    const token = tokenIn(resets[1].raw, '/account/reset')
    // The second link killed the first.
    await expect(
      clients.accounts.resetPassword({ token: oldToken, password: 'another long passphrase 42', ip }),
    ).rejects.toMatchObject({ reason: 'tokenInvalid' })
    await expect(
      clients.accounts.resetPassword({ token, password: 'password123', ip }),
    ).rejects.toMatchObject({ fields: { password: 'passwordTooWeak' } })
    const newPassword = 'Quatre chevaux bleus dansent 2026'
    await clients.accounts.resetPassword({
      token,
      password: newPassword,
      passwordConfirmation: newPassword,
      ip,
    })
    await expect(
      clients.accounts.resetPassword({ token, password: 'yet another long passphrase', ip }),
    ).rejects.toMatchObject({ reason: 'tokenInvalid' })
    expect(
      await clients.accounts.authenticate({
        email,
        password: PASSWORD,
        totp: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 60 }),
        ip,
      }),
    ).toEqual({ ok: false, reason: 'invalidCredentials' })
    expect(
      await clients.accounts.authenticate({ email, password: newPassword, totp: recoveryCodes[0], ip }),
    ).toMatchObject({ ok: true, recoveryCodesLeft: 8 })

    await expect(
      clients.accounts.disableTwoFactor({ clientId: id, password: PASSWORD, code: recoveryCodes[1], ip }),
    ).rejects.toMatchObject({ fields: { password: 'wrongPassword' } })
    await clients.accounts.disableTwoFactor({
      clientId: id,
      password: newPassword,
      code: recoveryCodes[1],
      ip,
    })
    expect(await clients.accounts.authenticate({ email, password: newPassword, ip })).toMatchObject({
      ok: true,
      client: { twoFactorEnabled: false },
    })

    expect(
      (await events(id)).map((e) => [e.type, e.actorType, e.ip, (e.data?.reason as string) ?? null]),
    ).toEqual([
      ['created', 'client', ip, null],
      ['login_failed', 'client', ip, 'unconfirmed'],
      ['account_confirmed', 'client', ip, null],
      ['login', 'client', ip, null],
      ['two_factor_enabled', 'client', ip, null],
      ['login_failed', 'client', ip, 'invalidTotp'],
      ['login', 'client', ip, null],
      ['login_failed', 'client', ip, 'invalidTotp'],
      ['login', 'client', ip, null],
      ['login_failed', 'client', ip, 'invalidTotp'],
      ['password_reset_requested', 'client', ip, null],
      ['password_reset_requested', 'client', ip, null],
      ['password_changed', 'client', ip, null],
      ['login_failed', 'client', ip, 'invalidCredentials'],
      ['login', 'client', ip, null],
      ['two_factor_disabled', 'client', ip, null],
      ['login', 'client', ip, null],
    ])
    // One entry for the registration, saying where the confirmation link went.
    const created = await ds().getRepository(ClientEvent).findOneByOrFail({ clientId: id, type: 'created' })
    expect(created.data).toEqual({ via: 'registration', confirmationSentTo: 'nouveau.client@example.com' })
    // Tokens and codes are nowhere in the history or the email log.
    const logs = JSON.stringify(await ds().getRepository(EmailLog).findBy({ clientId: id }))
    const history = JSON.stringify(await ds().getRepository(ClientEvent).findBy({ clientId: id }))
    for (const secretText of [confirmToken, token, secret, recoveryCodes[0]]) {
      expect(logs).not.toContain(secretText)
      expect(history).not.toContain(secretText)
    }
  })

  test('banned, suspended, deleted and unconfirmed clients are refused with their reason, only with the right password', async () => {
    const hash = await clients.passwordHasher.hash(PASSWORD)
    for (const [status, reason] of [
      ['banned', 'banned'],
      ['suspended', 'suspended'],
      ['deleted', 'deleted'],
      ['pending', 'unconfirmed'],
    ] as const) {
      const client = await makeClient({ passwordHash: hash, status })
      expect(
        await clients.accounts.authenticate({ email: client.email, password: 'wrong password', ip }),
      ).toEqual({ ok: false, reason: 'invalidCredentials' })
      expect(await clients.accounts.authenticate({ email: client.email, password: PASSWORD, ip })).toEqual({
        ok: false,
        reason,
      })
      const row = await ds().getRepository(Client).findOneByOrFail({ id: client.id })
      expect(row.lastLoginAt).toBeNull()
    }
  })

  test('after 5 wrong passwords from one IP, that IP is throttled for the account, even with the right one, until the time is up', async () => {
    const client = await makeClient({ passwordHash: await clients.passwordHasher.hash(PASSWORD) })
    for (let i = 0; i < 5; i += 1) {
      expect(
        await clients.accounts.authenticate({ email: client.email, password: `wrong ${i}`, ip }),
      ).toEqual({ ok: false, reason: 'invalidCredentials' })
    }
    const sixth = await clients.accounts.authenticate({ email: client.email, password: 'wrong 6', ip })
    expect(sixth).toMatchObject({ ok: false, reason: 'throttled' })
    const retryAfter = (sixth as { retryAfter: Date }).retryAfter.getTime()
    expect(retryAfter - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(
      await clients.accounts.authenticate({ email: client.email, password: PASSWORD, ip }),
    ).toMatchObject({ ok: false, reason: 'throttled' })
    const failed = (await events(client.id)).filter((e) => e.type === 'login_failed')
    expect(failed).toHaveLength(5)
    expect(failed[4].data).toMatchObject({ failures: 5 })
    // Time is up: the window's counter is gone.
    await clients.rateLimiter.reset('login', [client.email, ip])
    expect(
      await clients.accounts.authenticate({ email: client.email, password: PASSWORD, ip }),
    ).toMatchObject({ ok: true })
  })

  test('registration refuses bad input with field errors and writes nothing', async () => {
    const existing = await makeClient({})
    const before = {
      clients: await ds().getRepository(Client).count(),
      events: await ds().getRepository(ClientEvent).count(),
    }
    const attempt = (values: Record<string, unknown>) =>
      clients.accounts
        .register({ lastName: 'Durand', email: 'durand@example.com', password: PASSWORD, ...values })
        .then(
          () => null,
          (error: unknown) => (error as InvalidInputError).fields,
        )
    expect(await attempt({ lastName: '  ' })).toEqual({ lastName: 'fieldRequired' })
    expect(await attempt({ email: 'not-an-email' })).toEqual({ email: 'invalidEmail' })
    // A taken address is not a field error any more (test/security/f05-login-enumeration.test.ts).
    expect(existing.email).toBeTruthy()
    expect(await attempt({ password: 'short' })).toEqual({ password: 'passwordTooShort' })
    expect(await attempt({ password: 'password1234' })).toEqual({ password: 'passwordTooWeak' })
    expect(await attempt({ lastName: 'x'.repeat(101), password: undefined })).toEqual({
      lastName: 'tooLong',
      password: 'fieldRequired',
    })
    expect({
      clients: await ds().getRepository(Client).count(),
      events: await ds().getRepository(ClientEvent).count(),
    }).toEqual(before)
  })

  test('with auto-confirm on (a panel setting), a registration is active at once and no email is sent', async () => {
    await clients.settings.update(
      { email: 'admin@example.com', ip: '127.0.0.1' },
      { autoConfirmRegistration: true },
    )
    try {
      const sentBefore = smtp.received.length
      const { client, confirmationSent } = await clients.accounts.register({
        lastName: 'Auto',
        email: 'auto@example.com',
        password: PASSWORD,
        ip,
      })
      if (!client) throw new Error('expected a new client')
      expect(client.status).toBe('active')
      expect(confirmationSent).toBe(false)
      await clients.outbox.drain()
      expect(smtp.received.length).toBe(sentBefore)
      expect(await ds().getRepository(ClientToken).countBy({ clientId: client.id })).toBe(0)
      expect(
        await clients.accounts.authenticate({ email: 'auto@example.com', password: PASSWORD, ip }),
      ).toMatchObject({ ok: true })
    } finally {
      await clients.settings.update(
        { email: 'admin@example.com', ip: '127.0.0.1' },
        { autoConfirmRegistration: false },
      )
    }
  })

  test('with bcrypt (cost 11) set in the panel, the same password as $2y$, $2b$, $argon2i$ and $argon2id$ logs in and is rehashed to $2b$11$', async () => {
    const same = phpHashes.filter((f) => f.password === PASSWORD)
    const hashes = [...same.map((f) => f.hash), bcrypt.hashSync(PASSWORD, 10)]
    expect(hashes.map((h) => h.slice(0, h.indexOf('$', 1) + 1)).sort()).toEqual([
      '$2b$',
      '$2y$',
      '$argon2i$',
      '$argon2id$',
    ])
    await clients.settings.update(
      { email: 'admin@example.com', ip: '127.0.0.1' },
      { hashingDriver: 'bcrypt', bcryptCost: '11' },
    )
    try {
      for (const hash of hashes) {
        const client = await makeClient({ passwordHash: hash })
        expect(
          await clients.accounts.authenticate({ email: client.email, password: PASSWORD, ip }),
        ).toMatchObject({ ok: true, rehashed: true })
        const rehashed = await storedHash(client.id)
        expect([hash.slice(0, 10), rehashed.slice(0, 7)]).toEqual([hash.slice(0, 10), '$2b$11$'])
        expect(await clients.passwordHasher.verify(rehashed, PASSWORD)).toBe(true)
        const [login] = (await events(client.id)).filter((e) => e.type === 'login')
        expect(login.data).toEqual({ rehashedFrom: hashFormat(hash), rehashedTo: 'bcrypt' })
      }
    } finally {
      await clients.settings.update(
        { email: 'admin@example.com', ip: '127.0.0.1' },
        { hashingDriver: 'argon2id', bcryptCost: '12' },
      )
    }
  })

  test('an unknown email takes as long as a wrong password (no user enumeration by timing)', async () => {
    const client = await makeClient({ passwordHash: await atPhpCost.passwordHasher.hash(PASSWORD) })
    // Up to 55 wrong passwords in a row: stay under the throttle for this measure.
    await clients.settings.update({ email: 'admin@example.com', ip: '127.0.0.1' }, { maxFailedLogins: '100' })
    const attempt = (email: string) =>
      atPhpCost.accounts.authenticate({ email, password: 'not the password', ip })
    await attempt('nobody@example.com')
    // Alternated calls, up to three rounds of 9: a busy machine makes one round noisy, a leak
    // is a steady gap (without the decoy check, unknown emails answer in ~1 ms).
    const { ratio, medians } = await steadyRatio(
      (round, i) => attempt(`nobody${round}.${i}@example.com`),
      () => attempt(client.email as string),
      { within: [0.6, 1.6], calls: 9, rounds: 3 },
    )
    // Both verify an argon2id hash (~100 ms on a quiet machine, more on a busy one).
    expect(medians[1]).toBeGreaterThan(20)
    expect(ratio).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.6)
    await clients.settings.update({ email: 'admin@example.com', ip: '127.0.0.1' }, { maxFailedLogins: '5' })
    // Up to 55 argon2id checks: minutes on a busy machine.
  }, 600_000)
})
