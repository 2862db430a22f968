import { createHash } from 'node:crypto'
import type { Agent } from 'supertest'
import { In, IsNull, Not } from 'typeorm'
import { Client, ClientToken, Contract } from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { findClient, findClients } from './support/findClients.js'
import { describeEachDatabase } from './support/databases.js'
import { LANGUAGE_COOKIE, translations } from '../src/locale/index.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { mailText, startSmtpServer } from './support/smtpServer.js'
import { clientApi, clientSnapshot, eventsOf, historyCounts, lastEmailOf } from './support/clientApi.js'

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>

/** The cookie the panel's language menu sets in the browser, in a supertest agent's jar. */
const inEnglish = (agent: Agent) => {
  ;(agent as unknown as { jar: { setCookie(cookie: string): void } }).jar.setCookie(`${LANGUAGE_COOKIE}=en`)
  return agent
}

const utf8 = (text: string) => Buffer.from(text, 'latin1').toString('utf8')

describeEachDatabase('client lifecycle actions over HTTP', (database) => {
  let demo: SeededDemo
  let smtp: Smtp
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectTo: ['bounce@example.com'] })
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      // One attempt: a refused email is failed at once (the outbox tests cover the retries).
      outbox: { maxAttempts: 1 },
    })
    // These admins chose English in the panel (the demo's default is French): the texts below are English.
    admin = inEnglish(await loginAs(demo.app, 'admin@example.com'))
    support = inEnglish(await loginAs(demo.app, 'support@example.com'))
  })
  afterAll(() => smtp?.close())

  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address))

  test('suspend: GET changes nothing; POST suspends the client and its active contracts, one event, the client is told', async () => {
    const client = await findClient(ds(), { status: 'active', contracts: 'active' })
    await ds().getRepository(Client).update(client.id, { locale: 'en' })
    const before = await historyCounts(ds())
    const get = await clientApi(admin).show('suspend', client.id)
    expect(get.status).toBe(200)
    expect(get.body.record.params.status).toBe('active')
    expect(await historyCounts(ds())).toEqual(before)

    const activeContracts = await ds()
      .getRepository(Contract)
      .findBy({ clientId: client.id, status: 'active' })
    const res = await clientApi(admin).record('suspend', client.id, {
      reason: 'Unpaid premium',
      contracts: 'true',
      notify: 'true',
    })
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({
      type: 'success',
      message: 'clientSuspended',
      options: { emailsQueued: ' 1 e-mail queued.' },
    })
    expect(res.body.record.params).toMatchObject({ status: 'suspended', statusReason: 'Unpaid premium' })
    // Queued with the change, sent by the outbox: nothing went out during the request.
    expect(mailTo(client.email as string)).toHaveLength(0)
    expect(await lastEmailOf(ds(), client.id, 'suspended')).toMatchObject({ status: 'queued', attempts: 0 })
    await demo.clients.outbox.drain()

    const after = await ds().getRepository(Client).findOneByOrFail({ id: client.id })
    expect(after.status).toBe('suspended')
    expect(after.version).toBe(client.version + 2) // the locale update, then the suspension
    const contracts = await ds().getRepository(Contract).findBy({ clientId: client.id })
    for (const c of contracts) {
      if (activeContracts.some((a) => a.id === c.id)) expect(c.status).toBe('suspended')
    }
    const events = await eventsOf(ds(), client.id, 'suspended')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actorType: 'admin',
      actor: 'admin@example.com',
      ip: '127.0.0.1',
      reason: 'Unpaid premium',
      changes: expect.arrayContaining([{ field: 'status', from: 'active', to: 'suspended' }]),
    })
    expect((events[0].data?.contractIds as number[]).sort()).toEqual(activeContracts.map((c) => c.id).sort())

    const [mail] = mailTo(client.email as string)
    expect(mail).toBeDefined()
    expect(mail.raw).toContain('Subject: Your account has been suspended')
    expect(mailText(mail.raw)).toContain('Reason: Unpaid premium')
    const log = await lastEmailOf(ds(), client.id, 'suspended')
    expect(log).toMatchObject({ status: 'sent', to: client.email, actor: 'admin@example.com' })
  })

  test('reactivate gives back the contracts that suspension suspended, and only those', async () => {
    const client = await findClient(ds(), { status: 'active', contracts: 'active' })
    // A contract suspended by hand before the suspension must stay suspended.
    const manual = await ds()
      .getRepository(Contract)
      .save({
        reference: `MANUAL-${client.id}`,
        clientId: client.id,
        product: 'SCPI',
        status: 'suspended',
      })
    await clientApi(admin).record('suspend', client.id, { reason: 'Check', contracts: 'true' })
    const suspended = (await eventsOf(ds(), client.id, 'suspended')).at(-1)?.data?.contractIds as number[]
    expect(suspended.length).toBeGreaterThan(0)
    expect(suspended).not.toContain(manual.id)

    const form = await clientApi(admin).show('reactivate', client.id)
    expect(form.body.record.params.statusReason).toBe('Check')
    const res = await clientApi(admin).record('reactivate', client.id, { contracts: 'true' })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientReactivated' })
    const contracts = await ds().getRepository(Contract).findBy({ clientId: client.id })
    for (const c of contracts) {
      if (suspended.includes(c.id)) expect([c.id, c.status]).toEqual([c.id, 'active'])
    }
    expect((await ds().getRepository(Contract).findOneByOrFail({ id: manual.id })).status).toBe('suspended')
    const [event] = await eventsOf(ds(), client.id, 'reactivated')
    expect(event.data?.contractIds).toEqual(expect.arrayContaining(suspended))
    expect(event.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'suspended', to: 'active' },
        { field: 'statusReason', from: 'Check', to: null },
      ]),
    )
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).statusReason).toBeNull()

    // In bulk: suspended and banned clients come back; an active one is left as it is.
    const wasSuspended = await findClient(ds(), { status: 'suspended' })
    const banned = await findClient(ds(), { status: 'banned' })
    const bulk = await clientApi(admin).bulk('bulkReactivate', [wasSuspended.id, banned.id, client.id])
    expect(bulk.body.notice).toMatchObject({
      message: 'bulkChangedSomeSkipped',
      options: {
        count: 2,
        skipped: 1,
        details: `${client.clientNumber}: the account is neither suspended nor banned`,
      },
    })
    for (const c of [wasSuspended, banned]) {
      expect((await ds().getRepository(Client).findOneByOrFail({ id: c.id })).status).toBe('active')
      expect((await eventsOf(ds(), c.id, 'reactivated')).at(-1)).toMatchObject({
        actor: 'admin@example.com',
        changes: expect.arrayContaining([{ field: 'status', from: c.status, to: 'active' }]),
      })
    }
  })

  test('a ban’s terminations are final, as the ban form and the reactivation form of a banned client say', async () => {
    // What the forms promise, in both languages (the same words the browser shows).
    type Forms = Record<string, Record<string, unknown>>
    const forms = (lang: 'fr' | 'en') => (translations[lang].messages as { forms: Forms }).forms
    expect(forms('fr').ban.contractsHelp).toContain('pour de bon')
    expect(forms('en').ban.contractsHelp).toContain('for good')
    const afterBan = (lang: 'fr' | 'en') => forms(lang).reactivate.afterBan as Record<string, string>
    expect(afterBan('fr').intro).toContain('restent résiliés')
    expect(afterBan('en').intro).toContain('stay terminated')
    for (const text of [...Object.values(afterBan('fr')), ...Object.values(afterBan('en'))]) {
      expect(text).not.toMatch(/cette suspension|this suspension/)
    }

    // And what happens: the ban terminates, reactivating (contracts ticked) brings nothing back.
    const client = await findClient(ds(), { status: 'active', contracts: 'active' })
    const active = await ds().getRepository(Contract).findBy({ clientId: client.id, status: 'active' })
    const ban = await clientApi(admin).record('ban', client.id, { reason: 'Fraud', contracts: 'true' })
    expect(ban.body.notice).toMatchObject({ type: 'success', message: 'clientBanned' })
    const terminated = () =>
      ds()
        .getRepository(Contract)
        .findBy({ id: In(active.map((k) => k.id)) })
    expect((await terminated()).map((k) => k.status)).toEqual(active.map(() => 'terminated'))
    const back = await clientApi(admin).record('reactivate', client.id, { contracts: 'true' })
    expect(back.body.notice).toMatchObject({ type: 'success', message: 'clientReactivated' })
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).status).toBe('active')
    expect((await terminated()).map((k) => k.status)).toEqual(active.map(() => 'terminated'))
  })

  test('an action that does not apply is hidden and, called anyway, refused with a notice; nothing changes', async () => {
    const banned = await findClient(ds(), { status: 'banned' })
    const list = await clientApi(admin).list('?filters.status=banned')
    const row = list.body.records.find((r: { id: string }) => Number(r.id) === banned.id)
    const names = row.actionNames
    expect(names).not.toContain('suspend')
    expect(names).not.toContain('resendConfirmation')
    expect(names).toEqual(expect.arrayContaining(['reactivate', 'delete', 'addNote']))

    const before = { counts: await historyCounts(ds()), snapshot: await clientSnapshot(ds(), [banned.id]) }
    const res = await clientApi(admin).record('suspend', banned.id, { reason: 'again' })
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({ type: 'error', message: 'isBanned' })
    const active = await findClient(ds(), { status: 'active' })
    const resend = await clientApi(admin).record('resendConfirmation', active.id)
    expect(resend.body.notice).toMatchObject({ type: 'error', message: 'notPending' })
    expect(await historyCounts(ds())).toEqual(before.counts)
    expect(await clientSnapshot(ds(), [banned.id])).toEqual(before.snapshot)
  })

  test('support: contact actions allowed; state changes invisible and answered with 403', async () => {
    const client = await findClient(ds(), { status: 'active' })
    const list = await clientApi(support).list()
    const row = list.body.records.find((r: { params: { status: string } }) => r.params.status === 'active')
    const names = [...row.actionNames].sort()
    // The Status menu is not offered: none of its actions is this role's.
    expect(names).toEqual(['accountMenu', 'addNote', 'contactMenu', 'sendEmail', 'sendPasswordReset', 'show'])
    const menu = await clientApi(support).show('accountMenu', client.id)
    expect([menu.status, menu.body.notice?.type]).toEqual([200, 'error'])
    expect([...list.body.records[0].bulkActionNames].sort()).toEqual(
      ['bulkForceConfirm', 'bulkSendEmail'].sort(),
    )

    const before = { counts: await historyCounts(ds()), snapshot: await clientSnapshot(ds(), [client.id]) }
    for (const [action, payload] of [
      ['suspend', { reason: 'x' }],
      ['ban', { reason: 'x' }],
      ['delete', {}],
      [
        'changePassword',
        { password: 'Correct-Horse-Battery-9', passwordConfirmation: 'Correct-Horse-Battery-9' },
      ],
      ['adjustBalance', { amount: '10', reason: 'x' }],
      ['edit', { lastName: 'Hacked' }],
    ] as const) {
      const res = await clientApi(support).record(action, client.id, payload)
      expect([action, res.status]).toEqual([action, 403])
      expect(res.body.notice).toMatchObject({ type: 'error' })
    }
    const bulk = await clientApi(support).bulk('bulkSuspend', [client.id], { reason: 'x' })
    expect(bulk.status).toBe(403)
    expect(await historyCounts(ds())).toEqual(before.counts)
    expect(await clientSnapshot(ds(), [client.id])).toEqual(before.snapshot)

    const note = await clientApi(support).record('addNote', client.id, { body: 'Called about the invoice.' })
    expect(note.body.notice).toMatchObject({ type: 'success', message: 'noteAdded' })
    const event = (await eventsOf(ds(), client.id, 'note_added')).at(-1)
    expect(event).toMatchObject({ actor: 'support@example.com', ip: '127.0.0.1' })
  })

  test('resend confirmation (support): a new single-use token stored as a hash, the link by email, redacted in the log', async () => {
    const client = await findClient(ds(), { status: 'pending' })
    await ds().getRepository(Client).update(client.id, { locale: 'fr' })
    const res = await clientApi(support).record('resendConfirmation', client.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'confirmationSent' })
    await demo.clients.outbox.drain()
    const [mail] = mailTo(client.email as string)
    expect(utf8(mail.raw)).toMatch(/Subject: =\?UTF-8\?Q\?Confirmez|Subject: Confirmez votre adresse e-mail/)
    const token = /token=([A-Za-z0-9_-]{43})/.exec(mailText(mail.raw))?.[1] as string
    expect(token).toBeDefined()
    const stored = await ds()
      .getRepository(ClientToken)
      .createQueryBuilder('t')
      .addSelect('t.tokenHash')
      .where('t.clientId = :id', { id: client.id })
      .getMany()
    expect(stored).toHaveLength(1)
    expect(stored[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(stored[0].purpose).toBe('email_confirmation')
    expect(stored[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000)
    const log = await lastEmailOf(ds(), client.id, 'confirmation')
    expect(log.body).not.toContain(token)
    expect(log.body).toContain('token=••••••')
    expect(JSON.stringify(res.body)).not.toContain(token)
    const event = (await eventsOf(ds(), client.id, 'confirmation_sent')).at(-1)
    expect(event).toMatchObject({ actor: 'support@example.com', ip: '127.0.0.1' })

    // A second link replaces the first: only the newest works.
    await clientApi(support).record('resendConfirmation', client.id)
    const tokens = await ds()
      .getRepository(ClientToken)
      .find({ where: { clientId: client.id }, order: { id: 'ASC' } })
    expect(tokens.map((t) => t.usedAt === null)).toEqual([false, true])
  })

  test('force confirm, one and in bulk (support): pending → active, confirmation links die; the notice names who was skipped and why', async () => {
    const [one, two, three] = await findClients(ds(), { status: 'pending' }, 3)
    await clientApi(admin).record('resendConfirmation', one.id)
    const res = await clientApi(support).record('forceConfirm', one.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'accountConfirmed' })
    const confirmed = await ds().getRepository(Client).findOneByOrFail({ id: one.id })
    expect(confirmed.status).toBe('active')
    expect(confirmed.emailConfirmedAt).toBeInstanceOf(Date)
    expect(await ds().getRepository(ClientToken).countBy({ clientId: one.id, usedAt: IsNull() })).toBe(0)

    const bulk = await clientApi(support).bulk('bulkForceConfirm', [one.id, two.id, three.id])
    expect(bulk.status).toBe(200)
    expect(bulk.body.notice).toMatchObject({
      type: 'info',
      message: 'bulkChangedSomeSkipped',
      options: { count: 2, skipped: 1, details: `${one.clientNumber}: the account is already confirmed` },
    })
    for (const c of [two, three]) {
      expect((await ds().getRepository(Client).findOneByOrFail({ id: c.id })).status).toBe('active')
      expect(await eventsOf(ds(), c.id, 'account_confirmed')).toHaveLength(1)
    }
    expect(await eventsOf(ds(), one.id, 'account_confirmed')).toHaveLength(1)
  })

  test('password reset email: a one-hour single-use link to the reset page', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds().getRepository(Client).update(client.id, { locale: 'en' })
    const res = await clientApi(support).record('sendPasswordReset', client.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'passwordResetSent' })
    await demo.clients.outbox.drain()
    const mail = mailTo(client.email as string).at(-1)!
    expect(mail.raw).toContain('Subject: Reset your password')
    const token = /\/account\/reset\?token=([A-Za-z0-9_-]{43})/.exec(mailText(mail.raw))?.[1] as string
    expect(token).toBeDefined()
    const [stored] = await ds()
      .getRepository(ClientToken)
      .findBy({ clientId: client.id, purpose: 'password_reset' })
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000)
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000)
    expect((await lastEmailOf(ds(), client.id, 'passwordReset')).body).not.toContain(token)
    expect(await eventsOf(ds(), client.id, 'password_reset_requested')).toHaveLength(
      (await eventsOf(ds(), client.id, 'password_reset_requested')).length,
    )
    expect((await eventsOf(ds(), client.id, 'password_reset_requested')).at(-1)).toMatchObject({
      actor: 'support@example.com',
      data: { to: client.email },
    })
  })

  test('send an email: markup in names and body arrives as text; in bulk, clients without an address are skipped', async () => {
    const [a, b, c] = await findClients(ds(), { status: 'active' }, 3)
    await ds().getRepository(Client).update(a.id, { firstName: '<img src=x onerror=alert(1)>', locale: 'en' })
    await ds().getRepository(Client).update(c.id, { email: null })
    const body = 'Hello <b>there</b> & {{name}}\nSecond line'
    const res = await clientApi(admin).record('sendEmail', a.id, { subject: 'About <your> file', body })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'emailSent' })
    await demo.clients.outbox.drain()
    const raw = mailText(mailTo(a.email as string).at(-1)!.raw)
    const html = raw.slice(raw.indexOf('Content-Type: text/html'))
    expect(html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Hello &lt;b&gt;there&lt;/b&gt; &amp; {{name}}<br>Second line')
    expect(html).not.toMatch(/<img|<b>/)
    const log = await lastEmailOf(ds(), a.id, 'custom')
    expect(log).toMatchObject({ subject: 'About <your> file', status: 'sent', actor: 'admin@example.com' })
    expect(log.body).toContain('Hello <b>there</b> & {{name}}')

    const received = smtp.received.length
    const bulk = await clientApi(admin).bulk('bulkSendEmail', [a.id, b.id, c.id], {
      subject: 'News',
      body: 'Our offices move.',
    })
    expect(bulk.body.notice).toMatchObject({
      message: 'bulkChangedSomeSkipped',
      options: {
        count: 2,
        skipped: 1,
        details: `${c.clientNumber}: the client has no email address`,
        emailsQueued: ' 2 e-mails queued.',
      },
    })
    expect(smtp.received.length).toBe(received)
    await demo.clients.outbox.drain()
    expect(smtp.received.length).toBe(received + 2)
    for (const client of [a, b]) {
      expect((await eventsOf(ds(), client.id, 'email_sent')).at(-1)).toMatchObject({
        data: { subject: 'News', queued: true },
      })
    }
    expect(await eventsOf(ds(), c.id, 'email_sent')).toHaveLength(0)
  })

  test('a refused email: the change still commits, the email is queued, and the outbox keeps the server’s answer', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds().getRepository(Client).update(client.id, { email: 'bounce@example.com' })
    const res = await clientApi(admin).record('suspend', client.id, { reason: 'Fraud check', notify: 'true' })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientSuspended' })
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).status).toBe('suspended')
    expect(await lastEmailOf(ds(), client.id, 'suspended')).toMatchObject({ status: 'queued' })
    expect(await demo.clients.outbox.drain()).toMatchObject({ failed: 1 })
    const log = await lastEmailOf(ds(), client.id, 'suspended')
    expect(log.status).toBe('failed')
    expect(log.error).toMatch(/mailbox unavailable/)

    const direct = await clientApi(admin).record('sendEmail', client.id, { subject: 'Hi', body: 'Text' })
    expect(direct.body.notice).toMatchObject({ type: 'success', message: 'emailSent' })
    expect((await eventsOf(ds(), client.id, 'email_sent')).at(-1)?.data).toEqual({
      subject: 'Hi',
      queued: true,
    })
  })

  test('ban, one and in bulk: reason kept, contracts terminated on request, already banned clients skipped', async () => {
    const [one, two] = await findClients(ds(), { status: 'active', contracts: 'active' }, 2)
    const res = await clientApi(admin).record('ban', one.id, { reason: 'Identity fraud', contracts: 'true' })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientBanned' })
    const contracts = await ds().getRepository(Contract).findBy({ clientId: one.id })
    expect(contracts.every((c) => c.status === 'terminated')).toBe(true)
    const [event] = await eventsOf(ds(), one.id, 'banned')
    expect(event.reason).toBe('Identity fraud')

    const bulk = await clientApi(admin).bulk('bulkBan', [one.id, two.id], { reason: 'Chargebacks' })
    expect(bulk.body.notice.options).toMatchObject({ count: 1, skipped: 1 })
    expect(bulk.body.notice.options.details).toBe(`${one.clientNumber}: the account is already banned`)
    // Without the checkbox, contracts are left alone.
    const twoContracts = await ds().getRepository(Contract).findBy({ clientId: two.id })
    expect(twoContracts.some((c) => c.status !== 'terminated')).toBe(true)
    expect(await eventsOf(ds(), one.id, 'banned')).toHaveLength(1)
  })

  test('remove 2FA: the secret is gone, the history shows it masked, no response carries it', async () => {
    const [one, two] = await findClients(ds(), { status: 'active', withTwoFactor: true }, 2)
    await ds().getRepository(Client).update(one.id, { twoFactorSecret: 'JBSWY3DPEHPK3PXP' })
    const form = await clientApi(admin).show('removeTwoFactor', one.id)
    expect(JSON.stringify(form.body)).not.toContain('JBSWY3DPEHPK3PXP')
    const res = await clientApi(admin).record('removeTwoFactor', one.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'twoFactorRemoved' })
    const after = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.twoFactorSecret')
      .where('c.id = :id', { id: one.id })
      .getOneOrFail()
    expect([after.twoFactorSecret, after.twoFactorEnabledAt]).toEqual([null, null])
    const [event] = await eventsOf(ds(), one.id, 'two_factor_disabled')
    expect(event.changes).toContainEqual({ field: 'twoFactorSecret', from: '••••••', to: null })
    expect(JSON.stringify(event)).not.toContain('JBSWY3DPEHPK3PXP')

    const bulk = await clientApi(admin).bulk('bulkRemoveTwoFactor', [one.id, two.id])
    expect(bulk.body.notice.options).toMatchObject({ count: 1, skipped: 1 })
    expect(bulk.body.notice.options.details).toContain('two-factor authentication is not enabled')
  })

  test('delete is a soft delete: hidden from the list, shown by the status filter, restored to its previous status', async () => {
    const suspended = await findClient(ds(), { status: 'suspended' })
    const [x, y] = await findClients(ds(), { status: 'active' }, 2)
    const res = await clientApi(admin).record('delete', suspended.id, { reason: 'Client asked' })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientDeleted' })
    const deleted = await ds().getRepository(Client).findOneByOrFail({ id: suspended.id })
    expect([deleted.status, deleted.deletedAt instanceof Date]).toEqual(['deleted', true])
    const bulk = await clientApi(admin).bulk('bulkDelete', [x.id, y.id])
    expect(bulk.body.notice).toMatchObject({ type: 'success', message: 'bulkChanged', options: { count: 2 } })

    const list = await clientApi(admin).list('?perPage=500')
    const ids = list.body.records.map((r: { id: string }) => Number(r.id))
    expect(ids).not.toContain(suspended.id)
    expect(
      list.body.records.every((r: { params: { status: string } }) => r.params.status !== 'deleted'),
    ).toBe(true)
    const total = await ds()
      .getRepository(Client)
      .count({ where: { status: Not('deleted') } })
    expect(list.body.meta.total).toBe(total)
    const onlyDeleted = await clientApi(admin).list('?filters.status=deleted&perPage=500')
    expect(onlyDeleted.body.records.map((r: { id: string }) => Number(r.id))).toEqual(
      expect.arrayContaining([suspended.id, x.id, y.id]),
    )
    expect(await ds().getRepository(Client).countBy({ id: suspended.id })).toBe(1)

    const row = onlyDeleted.body.records.find((r: { id: string }) => Number(r.id) === suspended.id)
    expect(row.actionNames).toEqual(expect.arrayContaining(['restore', 'addNote']))
    expect(row.actionNames).not.toContain('delete')
    const restored = await clientApi(admin).record('restore', suspended.id)
    expect(restored.body.notice).toMatchObject({ type: 'success', message: 'clientRestored' })
    const back = await ds().getRepository(Client).findOneByOrFail({ id: suspended.id })
    expect([back.status, back.statusReason, back.deletedAt]).toEqual([
      'suspended',
      suspended.statusReason,
      null,
    ])
    expect(await eventsOf(ds(), suspended.id, 'restored')).toHaveLength(1)
    const again = await clientApi(admin).record('restore', suspended.id)
    expect(again.body.notice).toMatchObject({ type: 'error', message: 'notDeleted' })
  })

  test('change password: checked (twice, strength), hashed with the configured driver, reset links revoked, masked in history', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await clientApi(admin).record('sendPasswordReset', client.id)
    const before = await historyCounts(ds())
    const differ = await clientApi(admin).record('changePassword', client.id, {
      password: 'Velvet-Orbit-Canyon-42',
      passwordConfirmation: 'Velvet-Orbit-Canyon-43',
    })
    expect(differ.body.record.errors).toEqual({
      passwordConfirmation: { message: 'passwordsDiffer', type: 'passwordsDiffer' },
    })
    const weak = await clientApi(admin).record('changePassword', client.id, {
      password: `${client.lastName}2024!`,
      passwordConfirmation: `${client.lastName}2024!`,
    })
    expect(weak.body.record.errors.password.message).toMatch(/passwordTooWeak|passwordTooShort/)
    expect(await historyCounts(ds())).toEqual(before)

    const ok = await clientApi(admin).record('changePassword', client.id, {
      password: 'Velvet-Orbit-Canyon-42',
      passwordConfirmation: 'Velvet-Orbit-Canyon-42',
    })
    expect(ok.body.notice).toMatchObject({ type: 'success', message: 'passwordChanged' })
    expect(JSON.stringify(ok.body)).not.toMatch(/Velvet|argon2|passwordHash/)
    const { passwordHash } = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.passwordHash')
      .where('c.id = :id', { id: client.id })
      .getOneOrFail()
    expect(passwordHash).toMatch(/^\$argon2id\$/)
    expect(await demo.clients.passwordHasher.verify(passwordHash as string, 'Velvet-Orbit-Canyon-42')).toBe(
      true,
    )
    expect(await ds().getRepository(ClientToken).countBy({ clientId: client.id, usedAt: IsNull() })).toBe(0)
    const [event] = await eventsOf(ds(), client.id, 'password_changed')
    expect(event.changes).toEqual([{ field: 'passwordHash', from: '••••••', to: '••••••' }])
  })

  test('adjust balance: signed amounts in both notations, old and new balance in the history', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds().getRepository(Client).update(client.id, { balance: '100.00' })
    const credit = await clientApi(admin).record('adjustBalance', client.id, {
      amount: '1 234,56',
      reason: 'Refund',
    })
    expect(credit.body.notice).toMatchObject({ type: 'success', message: 'balanceChanged' })
    const debit = await clientApi(admin).record('adjustBalance', client.id, {
      amount: '-34.56',
      reason: 'Fee',
    })
    expect(debit.body.record.params.balance).toBe('1300.00')
    const events = await eventsOf(ds(), client.id, 'balance_changed')
    expect(events.map((e) => [e.reason, e.changes, e.data])).toEqual([
      ['Refund', [{ field: 'balance', from: '100.00', to: '1334.56' }], { amount: '1234.56' }],
      ['Fee', [{ field: 'balance', from: '1334.56', to: '1300.00' }], { amount: '-34.56' }],
    ])
  })

  test('edit records profile_updated with each changed field, old → new; saving unchanged records nothing', async () => {
    const client = await findClient(ds(), { status: 'active' })
    const res = await clientApi(admin).record('edit', client.id, {
      lastName: 'Martin-Renaud',
      city: 'Lyon',
      email: `  ${(client.email as string).toUpperCase()} `,
    })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'successfullyUpdated' })
    const [event] = await eventsOf(ds(), client.id, 'profile_updated')
    expect(event).toMatchObject({ actor: 'admin@example.com', ip: '127.0.0.1' })
    expect(event.changes).toEqual(
      expect.arrayContaining([
        { field: 'lastName', from: client.lastName, to: 'Martin-Renaud' },
        ...(client.city === 'Lyon' ? [] : [{ field: 'city', from: client.city, to: 'Lyon' }]),
      ]),
    )
    expect(event.changes?.some((c) => c.field === 'email')).toBe(false)
    await clientApi(admin).record('edit', client.id, { lastName: 'Martin-Renaud' })
    expect(await eventsOf(ds(), client.id, 'profile_updated')).toHaveLength(1)
    const badAdvisor = await clientApi(admin).record('edit', client.id, { advisorId: '999999' })
    expect(badAdvisor.status).toBe(200)
    expect(badAdvisor.body.record.errors.advisorId).toMatchObject({ message: 'unknownRecord' })
  })

  test('bad input never gives a 500 and writes nothing', async () => {
    const active = await findClient(ds(), { status: 'active' })
    const deleted = await findClient(ds(), { status: 'deleted' })
    const long = 'x'.repeat(10_000)
    const cases: [string, string, number, Record<string, string>, string][] = [
      ['empty reason', 'suspend', active.id, { reason: '   ' }, 'reason:fieldRequired'],
      ['10,000-character reason', 'suspend', active.id, { reason: long }, 'reason:tooLong'],
      ['10,000-character ban reason', 'ban', active.id, { reason: long }, 'reason:tooLong'],
      ['negative zero', 'adjustBalance', active.id, { amount: '-0', reason: 'x' }, 'amount:amountZero'],
      [
        'zero with decimals',
        'adjustBalance',
        active.id,
        { amount: '0,00', reason: 'x' },
        'amount:amountZero',
      ],
      [
        'not a number',
        'adjustBalance',
        active.id,
        { amount: 'ten euros', reason: 'x' },
        'amount:invalidAmount',
      ],
      ['exponent', 'adjustBalance', active.id, { amount: '1e5', reason: 'x' }, 'amount:invalidAmount'],
      [
        'three decimals',
        'adjustBalance',
        active.id,
        { amount: '12.345', reason: 'x' },
        'amount:invalidAmount',
      ],
      [
        'too large',
        'adjustBalance',
        active.id,
        { amount: '99999999999', reason: 'x' },
        'amount:balanceOutOfRange',
      ],
      ['no reason', 'adjustBalance', active.id, { amount: '10' }, 'reason:fieldRequired'],
      [
        'passwords differ',
        'changePassword',
        active.id,
        { password: 'Velvet-Orbit-Canyon-42', passwordConfirmation: 'x' },
        'passwordConfirmation:passwordsDiffer',
      ],
      [
        'short password',
        'changePassword',
        active.id,
        { password: 'abc', passwordConfirmation: 'abc' },
        'password:passwordTooShort',
      ],
      ['empty note', 'addNote', active.id, { body: '' }, 'body:fieldRequired'],
      ['empty subject', 'sendEmail', active.id, { subject: '', body: 'x' }, 'subject:fieldRequired'],
      ['unknown client', 'suspend', 999999, { reason: 'x' }, 'notice'],
      ['soft-deleted client', 'suspend', deleted.id, { reason: 'x' }, 'notice:isDeleted'],
      [
        'soft-deleted client, balance',
        'adjustBalance',
        deleted.id,
        { amount: '5', reason: 'x' },
        'notice:isDeleted',
      ],
    ]
    const before = {
      counts: await historyCounts(ds()),
      snapshot: await clientSnapshot(ds(), [active.id, deleted.id]),
    }
    for (const [name, action, id, payload, expected] of cases) {
      const res = await clientApi(admin).record(action, id, payload)
      expect([name, res.status]).toEqual([name, 200])
      const [kind, key] = expected.split(':')
      if (kind === 'notice') {
        expect([name, res.body.notice.type]).toEqual([name, 'error'])
        if (key) expect([name, res.body.notice.message]).toEqual([name, key])
      } else {
        expect([name, res.body.record.errors[kind]?.message]).toEqual([name, key])
      }
    }
    // An id that is not a number: no record route of Client (404 before AdminJS reads anything).
    const notANumber = await clientApi(admin).record('suspend', 'abc' as unknown as number, { reason: 'x' })
    expect(notANumber.status).toBe(404)
    expect(notANumber.body.notice.message).toBe('routeNotFound')
    const bulkEmpty = await clientApi(admin).bulk('bulkSuspend', [active.id], { reason: '' })
    expect(bulkEmpty.status).toBe(200)
    expect(bulkEmpty.body.record.errors.reason.message).toBe('fieldRequired')
    const bulkMissing = await clientApi(admin).bulk('bulkSuspend', [999998, 999999], { reason: 'x' })
    expect(bulkMissing.status).toBeLessThan(500)
    expect(await historyCounts(ds())).toEqual(before.counts)
    expect(await clientSnapshot(ds(), [active.id, deleted.id])).toEqual(before.snapshot)
  })

  test('the texts built on the server follow the language the admin chose in the panel (its cookie)', async () => {
    const [a, b] = await findClients(ds(), { status: 'active' }, 2)
    await ds().getRepository(Client).update(b.id, { email: null })
    const payload = { subject: 'News', body: 'Our offices move.' }
    const english = await clientApi(admin).bulk('bulkSendEmail', [a.id, b.id], payload)
    expect(english.body.notice.options).toMatchObject({
      details: `${b.clientNumber}: the client has no email address`,
      emailsQueued: ' 1 e-mail queued.',
    })
    // No choice made: the panel's default language (French in the demo), never English by accident.
    const french = await loginAs(demo.app, 'admin@example.com')
    const inFrench = await clientApi(french).bulk('bulkSendEmail', [a.id, b.id], payload)
    expect(inFrench.body.notice.options).toMatchObject({
      details: `${b.clientNumber} : le client n’a pas d’adresse e-mail`,
      emailsQueued: ' 1 e-mail mis en file d’attente.',
    })
  })
})
