import { strFromU8, unzipSync } from 'fflate'
import type { Agent } from 'supertest'
import {
  AdminAuditEntry,
  Client,
  ClientEvent,
  ClientNote,
  ClientToken,
  Commission,
  Contract,
  EmailLog,
  Retention,
  SettingsChange,
} from '../src/index.js'
import { readRetentionArgs, retentionCli } from '../demo/retentionCli.js'
import { EMAIL_CANCELLED, REDACTED } from '../src/services/gdpr/anonymiseClients.js'
import { describeEachDatabase } from './support/databases.js'
import { TEST_ORIGIN, loginAs, seededDemo } from './support/demoAgent.js'

const SECRETS = {
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdHNlY3JldA$SECRETHASHVALUE0123456789abcdefABCDEF',
  twoFactorSecret: 'JBSWY3DPEHPK3PXPSECRET2FA',
  recoveryCodes: ['a'.repeat(64), 'b'.repeat(64)],
  tokenHash: 'c'.repeat(64),
}

const zipOf = (res: { body: unknown }) => unzipSync(new Uint8Array(res.body as Buffer))

describeEachDatabase('GDPR: archive, anonymisation, retention', (database) => {
  let admin: Agent
  let support: Agent
  let app: Parameters<typeof loginAs>[0]
  const ds = () => database().dataSource
  const clients = () => ds().getRepository(Client)

  /** A client with every kind of data and every secret, and a name no one else has. */
  const richClient = async (suffix: string, withOpenBusiness: boolean) => {
    const { manager } = ds()
    const client = await manager.save(
      manager.create(Client, {
        lastName: `Zyxwanonyme${suffix}`,
        firstName: 'Quentinette',
        email: `quentinette.${suffix}@example.fr`,
        phone: `+33 6 99 88 77 ${suffix.padStart(2, '0')}`,
        addressLine1: '12 rue des Secrets',
        city: 'Lyon',
        postalCode: '69001',
        status: 'active',
        stripeCustomerId: 'cus_SECRETSTRIPE',
        lastLoginIp: '203.0.113.77',
        lastLoginAt: new Date('2024-01-02T03:04:05Z'),
      }),
    )
    await manager
      .createQueryBuilder()
      .update(Client)
      .set({
        passwordHash: SECRETS.passwordHash,
        twoFactorSecret: SECRETS.twoFactorSecret,
        twoFactorRecoveryCodes: SECRETS.recoveryCodes,
        twoFactorEnabledAt: new Date(),
      })
      .where('id = :id', { id: client.id })
      .execute()
    const contract = await manager.save(Contract, {
      reference: `GDPR-${suffix}`,
      clientId: client.id,
      product: 'PER',
      status: withOpenBusiness ? 'active' : 'terminated',
    })
    await manager.save(Commission, [
      {
        contractId: contract.id,
        clientId: client.id,
        amount: '120.50',
        period: '2024-01-01',
        status: 'paid',
      },
      {
        contractId: contract.id,
        clientId: client.id,
        amount: '80.25',
        period: '2024-02-01',
        status: withOpenBusiness ? 'pending' : 'paid',
      },
    ])
    await manager.save(EmailLog, {
      clientId: client.id,
      to: client.email as string,
      subject: 'Bonjour Quentinette',
      body: 'Chère Quentinette Zyxwanonyme, votre adresse 12 rue des Secrets…',
      status: 'sent',
    })
    // Still waiting in the outbox: cancelled by an anonymisation, never sent.
    await manager.save(EmailLog, {
      clientId: client.id,
      to: client.email as string,
      subject: 'Relance Quentinette',
      body: 'Quentinette, votre contrat…',
      pendingContent: JSON.stringify({ text: 'Quentinette Zyxwanonyme, votre contrat…' }),
      status: 'queued',
      nextAttemptAt: new Date(),
    })
    await manager.save(ClientNote, {
      clientId: client.id,
      author: 'admin@example.com',
      body: 'Quentinette a appelé du +33 6 99 88 77',
    })
    await manager.save(ClientToken, {
      clientId: client.id,
      purpose: 'password_reset',
      tokenHash: `${SECRETS.tokenHash.slice(0, 60)}${suffix.padStart(4, '0')}`,
      expiresAt: new Date(Date.now() + 3600_000),
    })
    await manager.save(ClientEvent, [
      { clientId: client.id, type: 'login', actorType: 'client', actor: client.email, ip: '203.0.113.77' },
      {
        clientId: client.id,
        type: 'profile_updated',
        actorType: 'admin',
        actor: 'admin@example.com',
        changes: [{ field: 'phone', from: '+33 1 00 00 00 00', to: client.phone }],
      },
    ])
    return clients().findOneByOrFail({ id: client.id })
  }

  const commissionSum = async (clientId: number) =>
    (
      await ds()
        .getRepository(Commission)
        .createQueryBuilder('m')
        .select('COALESCE(SUM(m.amount), 0)', 's')
        .where('m.clientId = :clientId', { clientId })
        .getRawOne<{ s: string | number }>()
    )?.s

  const anonymise = (id: number, fields: Record<string, string>) =>
    admin.post(`/admin/api/resources/Client/records/${id}/anonymise`).type('form').send(fields)

  beforeAll(async () => {
    const demo = await seededDemo(database())
    app = demo.app
    admin = await loginAs(app, 'admin@example.com')
    support = await loginAs(app, 'support@example.com')
  })

  test('the archive holds every table’s rows for the client, a README, and no secret', async () => {
    const client = await richClient('1', true)
    const res = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/download/gdprArchive`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    const files = zipOf(res)
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        // The custom fields' values (issue 28), read through the erasure map as every table of it.
        'client_custom_values.json',
        'commissions.json',
        'consents.json',
        'contracts.json',
        // The demo's own table, declared in its erasure option.
        'demo_tickets.json',
        'emails.json',
        'files.json',
        'history.json',
        'logins.json',
        'notes.json',
        'profile.json',
        'tags.json',
        'tokens.json',
      ].sort(),
    )
    const json = (name: string) => JSON.parse(strFromU8(files[name]))
    expect(json('profile.json')).toMatchObject({ clientNumber: client.clientNumber, email: client.email })
    expect(json('contracts.json')).toHaveLength(
      await ds().getRepository(Contract).countBy({ clientId: client.id }),
    )
    expect(json('commissions.json')).toHaveLength(2)
    expect(json('emails.json')[0]).toMatchObject({ subject: 'Bonjour Quentinette', status: 'sent' })
    expect(json('notes.json')).toHaveLength(1)
    expect(json('tokens.json')).toEqual([expect.objectContaining({ purpose: 'password_reset' })])
    expect(json('logins.json').attempts).toEqual([
      expect.objectContaining({ ip: '203.0.113.77', succeeded: true }),
    ])
    expect(strFromU8(files['README.txt'])).toContain(client.clientNumber)
    // No secret in any file, in any form.
    const secrets = [
      SECRETS.passwordHash,
      SECRETS.twoFactorSecret,
      ...SECRETS.recoveryCodes,
      SECRETS.tokenHash.slice(0, 60),
      'passwordHash',
      'twoFactorSecret',
      'tokenHash',
      'twoFactorRecoveryCodes',
    ]
    for (const [name, content] of Object.entries(files)) {
      const text = strFromU8(content)
      for (const secret of secrets)
        expect([name, secret, text.includes(secret)]).toEqual([name, secret, false])
    }
    const event = await ds()
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: client.id, type: 'data_exported' })
    expect(event).toMatchObject({ actor: 'admin@example.com', actorType: 'admin' })
  })

  test('support may neither download the archive nor anonymise (403); neither is offered to it', async () => {
    const client = await clients().findOneByOrFail({ status: 'active' })
    expect(
      (await support.post(`/admin/api/resources/Client/records/${client.id}/download/gdprArchive`)).status,
    ).toBe(403)
    const res = await support
      .post(`/admin/api/resources/Client/records/${client.id}/anonymise`)
      .type('form')
      .send({ confirmation: client.clientNumber, force: 'true', reason: 'x' })
    expect(res.status).toBe(403)
    expect((await clients().findOneByOrFail({ id: client.id })).anonymisedAt).toBeNull()
    const show = await support.get(`/admin/api/resources/Client/records/${client.id}/show`)
    const names = show.body.record.recordActions.map((a: { name: string }) => a.name)
    expect(names).not.toContain('anonymise')
    expect(names).not.toContain('gdprArchive')
  })

  test('anonymise: refused without the number, with a wrong one, with open business; forced with a reason', async () => {
    const client = await richClient('2', true)
    const totalBefore = await commissionSum(client.id)
    const missing = await anonymise(client.id, {})
    expect(missing.body.record.errors.confirmation.message).toBe('fieldRequired')
    const wrong = await anonymise(client.id, { confirmation: 'C00000000' })
    expect(wrong.body.record.errors.confirmation.message).toBe('confirmationMismatch')
    const busy = await anonymise(client.id, { confirmation: client.clientNumber.toLowerCase() })
    expect(busy.body.notice).toMatchObject({ message: 'hasOpenBusiness', type: 'error' })
    const noReason = await anonymise(client.id, { confirmation: client.clientNumber, force: 'true' })
    expect(noReason.body.record.errors.reason.message).toBe('fieldRequired')
    for (const res of [missing, wrong, busy, noReason]) expect(res.status).toBeLessThan(500)
    // Nothing half-done by the refusals.
    expect(await clients().findOneByOrFail({ id: client.id })).toMatchObject({
      email: client.email,
      anonymisedAt: null,
    })
    expect(await ds().getRepository(ClientToken).countBy({ clientId: client.id })).toBe(1)

    const done = await anonymise(client.id, {
      confirmation: client.clientNumber,
      force: 'true',
      reason: 'Court order 42',
    })
    expect(done.status).toBe(200)
    expect(done.body.notice).toMatchObject({ message: 'clientAnonymised', type: 'success' })

    const after = await clients()
      .createQueryBuilder('c')
      .addSelect(['c.passwordHash', 'c.twoFactorSecret', 'c.twoFactorRecoveryCodes'])
      .where('c.id = :id', { id: client.id })
      .getOneOrFail()
    expect(after).toMatchObject({
      clientNumber: client.clientNumber,
      lastName: 'Client anonymisé',
      firstName: null,
      email: null,
      phone: null,
      addressLine1: null,
      city: null,
      postalCode: null,
      stripeCustomerId: null,
      lastLoginIp: null,
      passwordHash: null,
      twoFactorSecret: null,
      twoFactorRecoveryCodes: null,
      twoFactorEnabledAt: null,
    })
    expect(after.anonymisedAt).not.toBeNull()
    // The search finds nothing by the old name or email; no row holds the phone.
    for (const q of [`Zyxwanonyme2 Quentinette`, 'Zyxwanonyme2', client.email as string]) {
      const found = await admin.get(
        `/admin/api/resources/Client/actions/list?filters.q=${encodeURIComponent(q)}`,
      )
      expect([q, found.body.records.length]).toEqual([q, 0])
    }
    expect(await clients().findOneBy({ phone: client.phone as string })).toBeNull()
    // Accounting keeps its figures, linked to the anonymised client.
    expect(await commissionSum(client.id)).toBe(totalBefore)
    expect(await ds().getRepository(Contract).countBy({ clientId: client.id })).toBe(1)
    // Tokens gone; notes and emails redacted; the history masked.
    expect(await ds().getRepository(ClientToken).countBy({ clientId: client.id })).toBe(0)
    const everything = JSON.stringify([
      await ds().getRepository(ClientNote).findBy({ clientId: client.id }),
      await ds().getRepository(EmailLog).findBy({ clientId: client.id }),
      await ds().getRepository(ClientEvent).findBy({ clientId: client.id }),
    ])
    for (const personal of [
      'Quentinette',
      'Zyxwanonyme',
      client.email as string,
      '99 88 77',
      '203.0.113.77',
      'Secrets',
    ])
      expect([personal, everything.includes(personal)]).toEqual([personal, false])
    const waiting = await ds()
      .getRepository(EmailLog)
      .createQueryBuilder('e')
      .addSelect('e.pendingContent')
      .where('e.clientId = :id AND e.subject = :subject', { id: client.id, subject: REDACTED })
      .andWhere('e.error = :error', { error: EMAIL_CANCELLED })
      .getMany()
    expect(waiting.map((e) => [e.status, e.pendingContent, e.nextAttemptAt])).toEqual([
      ['failed', null, null],
    ])
    const event = await ds()
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: client.id, type: 'anonymised' })
    expect(event).toMatchObject({
      actor: 'admin@example.com',
      reason: 'Court order 42',
      changes: null,
      data: { forced: true, activeContracts: 1, unpaidCommissions: 1 },
    })

    // Twice: a notice, nothing more written.
    const again = await anonymise(client.id, {
      confirmation: client.clientNumber,
      force: 'true',
      reason: 'again',
    })
    expect(again.status).toBeLessThan(500)
    expect(again.body.notice).toMatchObject({ message: 'alreadyAnonymised', type: 'error' })
    expect(await ds().getRepository(ClientEvent).countBy({ clientId: client.id, type: 'anonymised' })).toBe(1)
    // And the action is no longer offered for it.
    const show = await admin.get(`/admin/api/resources/Client/records/${client.id}/show`)
    expect(show.body.record.recordActions.map((a: { name: string }) => a.name)).not.toContain('anonymise')
  })

  test('a soft-deleted client can be anonymised too (erasure covers it); it stays deleted', async () => {
    const client = await richClient('3', false)
    await clients().update({ id: client.id }, { status: 'deleted', deletedAt: new Date() })
    const res = await anonymise(client.id, { confirmation: client.clientNumber })
    expect(res.body.notice).toMatchObject({ message: 'clientAnonymised', type: 'success' })
    expect(await clients().findOneByOrFail({ id: client.id })).toMatchObject({
      status: 'deleted',
      email: null,
    })
  })

  test('a malformed anonymise request (an array for a field) is a 400, nothing written', async () => {
    const client = await richClient('4', false)
    const res = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/anonymise`)
      .send({ confirmation: [client.clientNumber, 'x'] })
    expect(res.status).toBe(400)
    expect((await clients().findOneByOrFail({ id: client.id })).anonymisedAt).toBeNull()
  })

  test('retention: off by default; its dry run lists exactly whom the run anonymises, by batches', async () => {
    const retention = new Retention(ds(), 'en')
    expect(await retention.months()).toBeNull()
    const idle = await richClient('5', false)
    const old = new Date('2020-01-01T00:00:00Z')
    await clients().update({ id: idle.id }, { createdAt: old, lastLoginAt: old })
    await ds().getRepository(Commission).update({ clientId: idle.id }, { createdAt: old })
    // From the panel: a setting, recorded with the security settings' changes.
    const saved = await admin
      .post('/admin/api/resources/Client/actions/retention')
      .type('form')
      .send({ op: 'save', retentionMonths: '24' })
    expect(saved.status).toBe(200)
    expect(saved.body.notice).toMatchObject({ message: 'retentionSaved' })
    expect(await retention.months()).toBe(24)
    const change = await ds()
      .getRepository(SettingsChange)
      .find({ order: { id: 'DESC' }, take: 1 })
    expect(change[0].changes).toEqual([{ field: 'retentionMonths', from: null, to: 24 }])
    const bad = await admin
      .post('/admin/api/resources/Client/actions/retention')
      .type('form')
      .send({ op: 'save', retentionMonths: '0' })
    expect(bad.status).toBeLessThan(500)
    expect(bad.body.record.errors.retentionMonths.message).toBe('outOfRange')

    const dry = await retention.dryRun(24, { limit: 100_000 })
    expect(dry.clients.map((c) => c.id)).toContain(idle.id)
    expect(dry.total).toBe(dry.clients.length)
    // The CLI's dry run says the same, and changes nothing.
    const lines: string[] = []
    expect(await retentionCli(ds(), 'fr', readRetentionArgs(['--dry-run']), (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toContain(`${dry.total} client(s) inactive for 24 months`)
    expect(lines.slice(1).map((l) => l.trim().split('\t')[0])).toEqual(dry.clients.map((c) => c.clientNumber))
    expect(await retention.dryRun(24)).toMatchObject({ total: dry.total })

    const audits = await ds().getRepository(AdminAuditEntry).countBy({ action: 'retention_run' })
    const run = await retention.run({ email: 'retention', ip: null, type: 'system' }, 24, { batchSize: 2 })
    expect(run.anonymised.sort((a, b) => a - b)).toEqual(dry.clients.map((c) => c.id))
    expect(run.batches).toBe(Math.ceil(dry.total / 2))
    expect(await ds().getRepository(AdminAuditEntry).countBy({ action: 'retention_run' })).toBe(
      audits + run.batches,
    )
    expect(await ds().getRepository(ClientEvent).countBy({ clientId: idle.id, type: 'anonymised' })).toBe(1)
    expect(await retention.dryRun(24)).toMatchObject({ total: 0 })
    // A client with an active contract or a recent login was left alone.
    const active = await ds().getRepository(Contract).findOneByOrFail({ status: 'active' })
    expect((await clients().findOneByOrFail({ id: active.clientId as number })).anonymisedAt).toBeNull()
    expect(readRetentionArgs(['--months', '36', '--batch', '50'])).toEqual({
      dryRun: false,
      months: 36,
      batchSize: 50,
    })
    expect(() => readRetentionArgs(['--nope'])).toThrow('unknown option --nope')
  })

  test('downloads are POSTs from the panel: another origin is refused before anything is read', async () => {
    const client = await clients().findOneByOrFail({ status: 'active' })
    const res = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/download/gdprArchive`)
      .set('Origin', 'http://evil.test')
    expect(res.status).toBe(403)
    expect(
      await ds().getRepository(ClientEvent).countBy({ clientId: client.id, type: 'data_exported' }),
    ).toBe(0)
    expect(TEST_ORIGIN).not.toBe('http://evil.test')
  })
})
