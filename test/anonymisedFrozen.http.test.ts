import type { Agent } from 'supertest'
import { Client, ClientEvent, EmailLog } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { clientApi, clientSnapshot, historyCounts } from './support/clientApi.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'

const PASSWORD = 'Quatre chevaux bleus dansent 2026'
const NEW_PASSWORD = 'Sept girafes mauves chantent 2027'
const ADMIN = { email: 'admin@example.com', ip: null }

/**
 * Issue 24, Medium 1: an anonymised client can no longer be brought back. Every path that could
 * give it an identity, a link, a password, 2FA, a status or a note is refused (a notice or a field
 * error, never a 500) and writes nothing; it can only be deleted, then removed for good.
 */
describeEachDatabase('an anonymised client is frozen', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let anonymised: Client
  let live: Client
  const ds = () => database().dataSource
  const clients = () => ds().getRepository(Client)

  /** Nothing about the anonymised client changed: its row, its contracts, the history, emails, notes, tokens. */
  async function expectUntouched(run: () => Promise<{ status: number; body: Record<string, unknown> }>) {
    const before = { counts: await historyCounts(ds()), rows: await clientSnapshot(ds(), [anonymised.id]) }
    const res = await run()
    expect(res.status).toBeLessThan(500)
    expect(await historyCounts(ds())).toEqual(before.counts)
    expect(await clientSnapshot(ds(), [anonymised.id])).toEqual(before.rows)
    return res
  }

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    const [a, b] = await clients().find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 2 })
    await clients().update(a.id, { passwordHash: await demo.clients.passwordHasher.hash(PASSWORD) })
    await demo.clients.gdpr.anonymise(ADMIN, a.id, {
      confirmation: a.clientNumber,
      force: true,
      reason: 'Demande d’effacement',
    })
    anonymised = await clients().findOneByOrFail({ id: a.id })
    live = b
    expect(anonymised.anonymisedAt).not.toBeNull()
  })

  test('the edit of its identity (the finding: a new last name and email) is refused, and so is the reset that followed', async () => {
    const edit = await expectUntouched(() =>
      clientApi(admin).record('edit', anonymised.id, {
        lastName: 'Revenant',
        email: 'revenant@example.com',
        phone: '+33 6 12 34 56 78',
      }),
    )
    expect(edit.body.notice).toMatchObject({ message: 'isAnonymised', type: 'error' })
    const reset = await expectUntouched(() => clientApi(admin).record('sendPasswordReset', anonymised.id))
    expect(reset.body.notice).toMatchObject({ message: 'isAnonymised', type: 'error' })
    expect(await ds().getRepository(EmailLog).countBy({ clientId: anonymised.id, status: 'queued' })).toBe(0)
    // The service itself refuses, whatever the panel shows.
    await expect(
      demo.clients.lifecycle.updateProfile(ADMIN, anonymised.id, { lastName: 'Revenant' }, ['lastName']),
    ).rejects.toMatchObject({ reason: 'isAnonymised' })
  })

  test('every other action on the record is refused with a notice, nothing written', async () => {
    const actions: [string, Record<string, string>][] = [
      ['resendConfirmation', {}],
      ['forceConfirm', {}],
      ['changePassword', { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }],
      ['removeTwoFactor', {}],
      ['suspend', { reason: 'Impayés' }],
      ['ban', { reason: 'Fraude' }],
      ['reactivate', {}],
      ['adjustBalance', { amount: '10', reason: 'Geste commercial' }],
      ['addNote', { body: 'Le client a rappelé' }],
      ['sendEmail', { subject: 'Bonjour', body: 'Votre dossier' }],
      ['impersonate', { reason: 'Voir son espace' }],
    ]
    for (const [action, payload] of actions) {
      const res = await expectUntouched(() => clientApi(admin).record(action, anonymised.id, payload))
      // A notice, or AdminJS's own refusal of an action that does not apply (403): never a 500.
      if (res.status === 200) {
        expect([action, res.body.notice]).toEqual([action, expect.objectContaining({ type: 'error' })])
      } else expect([action, res.status]).toEqual([action, 403])
      expect(res.body.impersonationUrl).toBeUndefined()
    }
  })

  test('bulk actions skip it (isAnonymised), and merging into or from it is refused', async () => {
    for (const [action, payload] of [
      ['bulkSuspend', { reason: 'Impayés' }],
      ['bulkBan', { reason: 'Fraude' }],
      ['bulkReactivate', {}],
      ['bulkForceConfirm', {}],
      ['bulkRemoveTwoFactor', {}],
      ['bulkSendEmail', { subject: 'Bonjour', body: 'Votre dossier' }],
    ] as [string, Record<string, string>][]) {
      const res = await expectUntouched(() => clientApi(admin).bulk(action, [anonymised.id], payload))
      expect([action, (res.body.notice as { type?: string } | undefined)?.type]).toEqual([action, 'error'])
    }
    const before = await clientSnapshot(ds(), [live.id])
    for (const keepId of [anonymised.id, live.id]) {
      const res = await expectUntouched(() =>
        clientApi(admin).bulk('mergeClients', [anonymised.id, live.id], {
          keepId: String(keepId),
          'choice.lastName': 'other',
          'choice.email': 'other',
        }),
      )
      expect(JSON.stringify(res.body)).toContain('isAnonymised')
    }
    expect(await clientSnapshot(ds(), [live.id])).toEqual(before)
  })

  test('the client area refuses it: 2FA, password, reset request, impersonation link', async () => {
    const accounts = demo.clients.accounts
    await expect(accounts.enableTwoFactor(anonymised.id)).rejects.toMatchObject({ reason: 'accountClosed' })
    await expect(accounts.pendingTwoFactor(anonymised.id)).rejects.toMatchObject({ reason: 'accountClosed' })
    await expect(
      accounts.confirmTwoFactor({ clientId: anonymised.id, code: '123456' }),
    ).rejects.toMatchObject({ reason: 'accountClosed' })
    await expect(
      accounts.changePassword({
        clientId: anonymised.id,
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      }),
    ).rejects.toMatchObject({ reason: 'accountClosed' })
    expect(await accounts.profile(anonymised.id)).toBeNull()
    await expect(accounts.beginImpersonation(ADMIN, anonymised.id, { reason: 'Voir' })).rejects.toMatchObject(
      { reason: 'isAnonymised' },
    )
    const events = await ds().getRepository(ClientEvent).countBy({ clientId: anonymised.id })
    await accounts.requestPasswordReset(anonymised.email, null)
    await accounts.idle()
    expect(await ds().getRepository(ClientEvent).countBy({ clientId: anonymised.id })).toBe(events)
    const row = await clients()
      .createQueryBuilder('c')
      .addSelect(['c.twoFactorSecret', 'c.passwordHash'])
      .where('c.id = :id', { id: anonymised.id })
      .getOneOrFail()
    expect([row.twoFactorSecret, row.passwordHash]).toEqual([null, null])
  })

  test('it can only be deleted, not restored, then removed for good', async () => {
    const deleted = await clientApi(admin).record('delete', anonymised.id, { reason: 'Effacement' })
    expect(deleted.body.notice).toMatchObject({ type: 'success' })
    expect((await clients().findOneByOrFail({ id: anonymised.id })).status).toBe('deleted')
    const restored = await expectUntouched(() => clientApi(admin).record('restore', anonymised.id))
    expect(restored.body.notice).toMatchObject({ message: 'isAnonymised', type: 'error' })
    const anonymisedEvents = await ds().getRepository(ClientEvent).countBy({ type: 'anonymised' })
    const removed = await clientApi(admin).record('removeForGood', anonymised.id)
    expect(removed.status).toBeLessThan(500)
    expect(await clients().findOneBy({ id: anonymised.id })).toBeNull()
    // Anonymised already: nothing more to erase (no second `anonymised`), one `removed` without a name.
    expect(await ds().getRepository(ClientEvent).countBy({ type: 'anonymised' })).toBe(anonymisedEvents)
    const events = (await ds().getRepository(ClientEvent).findBy({ type: 'removed' })).filter(
      (e) => e.data?.removedClientId === anonymised.id,
    )
    expect(events.map((e) => [e.reason, Object.keys(e.data ?? {}).sort()])).toEqual([
      ['Effacement', ['clientNumber', 'removedClientId']],
    ])
  })
})
