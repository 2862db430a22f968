import type { Agent } from 'supertest'
import { Client, ClientEvent, SettingsChange, hashFormat } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { startStripeStub } from './support/stripeStub.js'
import { phpHashes } from './support/fixtures.js'

const SETTINGS = '/admin/api/resources/SecuritySettings/actions/securitySettings'

describeEachDatabase('security settings and payment methods in the panel', (database) => {
  let demo: SeededDemo
  let stub: Awaited<ReturnType<typeof startStripeStub>>
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    stub = await startStripeStub()
    demo = await seededDemo(database(), { stripe: stub.stripe })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })
  afterAll(() => stub?.close())

  const reportOf = async () => {
    const res = await admin.get(SETTINGS)
    expect(res.status).toBe(200)
    return Object.fromEntries(
      (res.body.securitySettings.hashReport as { format: string; count: number; current: number }[]).map(
        (r) => [r.format, [r.count, r.current]],
      ),
    )
  }

  test('the hash report counts each format and what is already current, and changes nothing', async () => {
    const [a, b] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 2 })
    const bcrypt = phpHashes.find((h) => h.algorithm === 'bcrypt')!.hash
    await ds().getRepository(Client).update(a.id, { passwordHash: bcrypt })
    await ds().getRepository(Client).update(b.id, { passwordHash: '$2y$10$cut' })
    // What the report must say, worked out here from every hash with the hasher's own rules.
    const hashes = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.passwordHash')
      .getMany()
    const expected: Record<string, number[]> = {}
    for (const { passwordHash } of hashes) {
      const format = passwordHash ? hashFormat(passwordHash) : 'none'
      const row = (expected[format] ??= [0, 0])
      row[0] += 1
      if (passwordHash && !demo.clients.passwordHasher.needsRehash(passwordHash)) row[1] += 1
    }
    expect(Object.keys(expected).sort()).toEqual(expect.arrayContaining(['argon2id', 'bcrypt', 'unknown']))
    expect(await reportOf()).toEqual(expected)
    // Nothing destructive: the hashes are as they were.
    const stored = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.passwordHash')
      .where('c.id = :id', { id: a.id })
      .getOneOrFail()
    expect(stored.passwordHash).toBe(bcrypt)
    expect(JSON.stringify(await admin.get(SETTINGS).then((r) => r.body))).not.toMatch(/\$2y\$|\$argon2/)
  })

  test('an admin changes the settings: saved, in force, and recorded with who, where and what', async () => {
    const res = await admin.post(SETTINGS).type('form').send({
      hashingDriver: 'bcrypt',
      bcryptCost: '11',
      autoConfirmRegistration: 'true',
      throttleMinutes: '15',
    })
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({
      message: 'settingsSaved_other',
      type: 'success',
      options: { count: 3 },
    })
    expect(res.body.securitySettings.values).toMatchObject({
      hashingDriver: 'bcrypt',
      bcryptCost: 11,
      autoConfirmRegistration: true,
    })
    const [change] = await ds()
      .getRepository(SettingsChange)
      .find({ order: { id: 'DESC' }, take: 1 })
    expect(change).toMatchObject({ actor: 'admin@example.com', ip: '127.0.0.1' })
    expect(change.changes).toEqual([
      { field: 'autoConfirmRegistration', from: false, to: true },
      { field: 'hashingDriver', from: 'argon2id', to: 'bcrypt' },
      { field: 'bcryptCost', from: 12, to: 11 },
    ])
    expect(res.body.securitySettings.history[0]).toMatchObject({ actor: 'admin@example.com' })
    // In force for every service at once: the next hash is bcrypt at cost 11.
    expect((await demo.clients.settings.hasher()).options).toMatchObject({ driver: 'bcrypt', bcryptCost: 11 })
    const report = await reportOf()
    expect(report.argon2id[1]).toBe(0)

    // The same values again: nothing to record.
    const again = await admin.post(SETTINGS).type('form').send({ hashingDriver: 'bcrypt', bcryptCost: '11' })
    expect(again.body.notice).toMatchObject({ message: 'settingsUnchanged' })
    expect(await ds().getRepository(SettingsChange).count()).toBe(1)
    await demo.clients.settings.update(
      { email: 'test', ip: null },
      { hashingDriver: 'argon2id', bcryptCost: '12', autoConfirmRegistration: 'false' },
    )
  })

  test('bad values are field errors and write nothing', async () => {
    const before = await ds().getRepository(SettingsChange).count()
    const res = await admin.post(SETTINGS).type('form').send({
      hashingDriver: 'md5',
      bcryptCost: '3',
      argon2MemoryCost: '1e6',
      maxFailedLogins: 'abc',
      passwordResetMinutes: '99999',
      autoConfirmRegistration: 'maybe',
    })
    expect(res.status).toBe(200)
    expect(
      Object.fromEntries(
        Object.entries(res.body.record.errors).map(([k, v]) => [k, (v as { message: string }).message]),
      ),
    ).toEqual({
      hashingDriver: 'invalidChoice',
      bcryptCost: 'outOfRange',
      argon2MemoryCost: 'invalidWholeNumber',
      maxFailedLogins: 'invalidWholeNumber',
      passwordResetMinutes: 'outOfRange',
      autoConfirmRegistration: 'invalidChoice',
    })
    expect(await ds().getRepository(SettingsChange).count()).toBe(before)
    expect((await demo.clients.settings.current()).hashingDriver).toBe('argon2id')
  })

  test('support cannot read or change the settings (403), though it may list other resources', async () => {
    expect((await support.get(SETTINGS)).status).toBe(403)
    expect((await support.post(SETTINGS).type('form').send({ hashingDriver: 'bcrypt' })).status).toBe(403)
    expect((await support.get('/admin/api/resources/SecuritySettings/actions/list')).status).toBe(403)
    expect((await support.get('/admin/api/resources/Client/actions/list')).status).toBe(200)
    expect((await demo.clients.settings.current()).hashingDriver).toBe('argon2id')
  })

  describe('payment methods from Stripe', () => {
    let client: Client
    beforeAll(async () => {
      client = (await ds().getRepository(Client).findOneByOrFail({ status: 'active' })) as Client
      await ds().getRepository(Client).update(client.id, { stripeCustomerId: 'cus_Test1' })
      stub.customers.set('cus_Test1', {
        defaultPaymentMethod: 'pm_Visa2',
        cards: [
          { id: 'pm_Mc1', brand: 'mastercard', last4: '4444', exp_month: 3, exp_year: 2027 },
          { id: 'pm_Visa2', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2028 },
        ],
      })
      stub.customers.set('cus_Other', {
        defaultPaymentMethod: null,
        cards: [{ id: 'pm_Other', brand: 'amex', last4: '0005', exp_month: 1, exp_year: 2030 }],
      })
    })
    afterEach(() => stub.setMode('ok'))

    test('lists brand, last 4, expiry and the default; nothing of it is stored', async () => {
      const res = await clientApi(admin).show('paymentMethods', client.id)
      expect(res.status).toBe(200)
      expect(res.body.paymentMethods).toEqual({
        configured: true,
        items: [
          { id: 'pm_Mc1', brand: 'mastercard', last4: '4444', expMonth: 3, expYear: 2027, isDefault: false },
          { id: 'pm_Visa2', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2028, isDefault: true },
        ],
      })
      expect(res.body.canDetach).toBe(true)
      expect(JSON.stringify(res.body)).not.toContain('sk_test')
      const supportView = await clientApi(support).show('paymentMethods', client.id)
      expect(supportView.body.canDetach).toBe(false)
      expect(supportView.body.paymentMethods.items).toHaveLength(2)
    })

    test('support cannot detach; an admin detaches one card, with a history entry', async () => {
      const refused = await clientApi(support).record('paymentMethods', client.id, {
        paymentMethodId: 'pm_Mc1',
      })
      expect(refused.status).toBe(403)
      expect(stub.calls.filter((c) => c.includes('/detach'))).toEqual([])

      const other = await clientApi(admin).record('paymentMethods', client.id, {
        paymentMethodId: 'pm_Other',
      })
      expect(other.body.record.errors.paymentMethodId.message).toBe('unknownRecord')
      expect(stub.calls.filter((c) => c.includes('/detach'))).toEqual([])

      const res = await clientApi(admin).record('paymentMethods', client.id, { paymentMethodId: 'pm_Mc1' })
      expect(res.body.notice).toMatchObject({
        message: 'paymentMethodDetached',
        type: 'success',
        options: { brand: 'mastercard', last4: '4444' },
      })
      expect(res.body.paymentMethods.items.map((m: { id: string }) => m.id)).toEqual(['pm_Visa2'])
      expect(stub.calls.filter((c) => c.includes('/detach'))).toEqual([
        'POST /v1/payment_methods/pm_Mc1/detach',
      ])
      const events = await ds()
        .getRepository(ClientEvent)
        .findBy({ clientId: client.id, type: 'payment_method_detached' })
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        actor: 'admin@example.com',
        ip: '127.0.0.1',
        data: { paymentMethodId: 'pm_Mc1', brand: 'mastercard', last4: '4444' },
      })
    })

    test('Stripe down, slow, or without the customer: a clear error in the tab, never a failed request', async () => {
      stub.setMode('fail')
      const down = await clientApi(admin).show('paymentMethods', client.id)
      expect(down.status).toBe(200)
      expect(down.body.paymentMethods).toEqual({ configured: true, items: [], error: 'stripeUnavailable' })

      stub.setMode('hang')
      const started = Date.now()
      const slow = await clientApi(admin).show('paymentMethods', client.id)
      expect(slow.status).toBe(200)
      expect(slow.body.paymentMethods.error).toBe('stripeUnavailable')
      expect(Date.now() - started).toBeLessThan(9000)

      stub.setMode('ok')
      const failedDetach = await (async () => {
        stub.setMode('fail')
        return clientApi(admin).record('paymentMethods', client.id, { paymentMethodId: 'pm_Visa2' })
      })()
      expect(failedDetach.body.notice).toMatchObject({
        type: 'error',
        message: 'paymentMethods.stripeUnavailable',
      })
      stub.setMode('ok')

      const [noCustomer] = await ds()
        .getRepository(Client)
        .find({ where: { status: 'active' }, order: { id: 'DESC' }, take: 1 })
      await ds().getRepository(Client).update(noCustomer.id, { stripeCustomerId: null })
      expect((await clientApi(admin).show('paymentMethods', noCustomer.id)).body.paymentMethods).toEqual({
        configured: true,
        items: [],
        error: 'noCustomer',
      })
      await ds().getRepository(Client).update(noCustomer.id, { stripeCustomerId: 'cus_Gone' })
      expect((await clientApi(admin).show('paymentMethods', noCustomer.id)).body.paymentMethods.error).toBe(
        'noCustomer',
      )
    })
  })
})

describeEachDatabase('payment methods without Stripe', (database) => {
  test('the tab says Stripe is not configured, and detaching is not offered', async () => {
    const demo = await seededDemo(database())
    const admin = await loginAs(demo.app, 'admin@example.com')
    const client = await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'active' })
    const res = await clientApi(admin).show('paymentMethods', client.id)
    expect(res.body).toMatchObject({ paymentMethods: { configured: false, items: [] }, canDetach: false })
    const post = await clientApi(admin).record('paymentMethods', client.id, { paymentMethodId: 'pm_X' })
    expect(post.status).toBe(403)
  })
})
