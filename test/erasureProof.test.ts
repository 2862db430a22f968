import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Agent } from 'supertest'
import { strFromU8, unzipSync } from 'fflate'
import { IsNull } from 'typeorm'
import { Advisor, Client, ClientCustomValue, ClientEvent, RateLimitCounter } from '../src/index.js'
import { REDACTED } from '../src/services/gdpr/redacted.js'
import { Ticket } from '../demo/entities/Ticket.js'
import { rateLimitKey } from '../src/services/core/rateLimitKey.js'
import { clientApi } from './support/clientApi.js'
import { COMMISSION_CSV_HEADER } from './support/commissionCsv.js'
import { describeEachDatabase, type TestDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientAreaBrowser } from './support/clientAreaBrowser.js'

// Issue 24 (High): after an anonymisation, nothing in the whole database names the person.
const R = randomBytes(4).toString('hex')
const ID = {
  lastName: `Mkrlast${R}`,
  firstName: `Mkrfirst${R}`,
  email: `mkrmail${R}@example.test`,
  phone: '+33 7 19 46 28 53',
  address: `12 rue Mkraddr${R}`,
}
// Free texts about them that are not their identity: gone with the rows linked to them.
const TEXT = {
  suspend: `Mkrsusp${R}`,
  reactivate: `Mkrreact${R}`,
  subject: `Mkrsubj${R}`,
  body: `Mkrbody${R}`,
  note: `Mkrnote${R}`,
  supportNote: `Mkrsupnote${R}`,
  impersonation: `Mkrimp${R}`,
  testSubject: `Mkrtest${R}`,
  ticket: `Mkrticket${R}`,
  fileName: `Mkrfilename${R}`,
  fileNote: `Mkrfilenote${R}`,
  fileBody: `Mkrfilebody${R}`,
}
const MARKERS = [...Object.values(ID), ...Object.values(TEXT)]
const PASSWORD = 'Quatre chevaux bleus dansent 2026'

/** Which markers a text holds (any case: emails are stored lower-case). */
const markersIn = (text: string, markers: readonly string[] = MARKERS) =>
  markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()))

/** Every value of every column of every table, as `table.column: marker` for each marker found. */
async function logicalDump(db: TestDatabase, markers: readonly string[] = MARKERS): Promise<string[]> {
  const ds = db.dataSource
  const tables: string[] =
    db.kind === 'sqlite'
      ? (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map(
          (r: { name: string }) => r.name,
        )
      : (
          await ds.query(
            `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
          )
        ).map((r: { name: string }) => r.name)
  const found: string[] = []
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${ds.driver.escape(table)}`)
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue
        const text = Buffer.isBuffer(value)
          ? `${value.toString('utf8')} ${value.toString('latin1')}`
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value)
        for (const m of markersIn(text, markers)) found.push(`${table}.${column}: ${m}`)
      }
    }
  }
  return [...new Set(found)]
}

/** SQLite: the database file's bytes and its WAL's, after a checkpoint; markers found in them. */
async function fileDump(db: TestDatabase, markers: readonly string[] = MARKERS): Promise<string[]> {
  await db.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')
  const file = path.join(db.dataDir, 'demo.sqlite')
  const found: string[] = []
  for (const name of [file, `${file}-wal`]) {
    if (!existsSync(name)) continue
    const bytes = (await readFile(name)).toString('latin1').toLowerCase()
    for (const m of markers) if (bytes.includes(m.toLowerCase())) found.push(`${path.basename(name)}: ${m}`)
  }
  return found
}

describeEachDatabase('erasure proof: an anonymised or removed client is in no row, no file', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  /** A browser on the client area: keeps its cookie and posts each form with its page's token. */
  const browser = () => clientAreaBrowser(demo.app)
  // The clients' files (issue 28): their stored objects are looked for too.
  let filesDir: string
  const storedFiles = async () =>
    (await readdir(filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'erasure-files-'))
    demo = await seededDemo(database(), { files: { directory: filesDir } })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })
  afterAll(() => rm(filesDir, { recursive: true, force: true }))

  test('every action that writes about them, then anonymise: 0 markers in the database', async () => {
    // The client area: registration, a reset asked for, a login once confirmed.
    const visitor = browser()
    await visitor.get('/account/register')
    const registered = await visitor.post('/account/register', {
      lastName: ID.lastName,
      firstName: ID.firstName,
      email: ID.email,
      password: PASSWORD,
      locale: 'fr',
    })
    expect(registered.status).toBe(303)
    await demo.clients.accounts.idle()
    const client = await ds().getRepository(Client).findOneByOrFail({ email: ID.email })
    const api = { admin: clientApi(admin), support: clientApi(support) }
    await visitor.get('/account/forgot')
    expect((await visitor.post('/account/forgot', { email: ID.email })).status).toBeLessThan(500)
    await demo.clients.accounts.idle()
    expect((await api.support.record('forceConfirm', client.id)).status).toBe(200)
    const area = browser()
    await area.get('/account/login')
    expect((await area.post('/account/login', { email: ID.email, password: PASSWORD })).status).toBe(303)

    // Both roles in the panel: profile, notes, emails, suspension and reactivation with reasons naming them.
    const edited = await api.admin.record('edit', client.id, { phone: ID.phone, addressLine1: ID.address })
    expect(edited.status).toBe(200)
    await api.admin.record('addNote', client.id, { body: `${TEXT.note} ${ID.firstName} ${ID.phone}` })
    await api.support.record('addNote', client.id, { body: `${TEXT.supportNote} ${ID.lastName}` })
    const mailed = await api.support.record('sendEmail', client.id, {
      subject: `${TEXT.subject} ${ID.lastName}`,
      body: `${TEXT.body} Bonjour {{firstName}}`,
    })
    expect(mailed.status).toBe(200)
    await api.admin.record('sendEmail', client.id, { subject: `${TEXT.subject} admin`, body: 'Texte' })
    const suspended = await api.admin.record('suspend', client.id, {
      reason: `${TEXT.suspend} ${ID.lastName}`,
    })
    expect(suspended.body.notice?.type).toBe('success')
    const reactivated = await api.admin.record('reactivate', client.id, {
      reason: `${TEXT.reactivate} ${ID.firstName}`,
    })
    expect(reactivated.body.notice?.type).toBe('success')

    // Impersonation with a reason naming them, the link opened in the client area.
    const impersonated = await api.admin.record('impersonate', client.id, {
      reason: `${TEXT.impersonation} ${ID.lastName}`,
    })
    const link = String(impersonated.body.impersonationUrl ?? '').replace(/^https?:\/\/[^/]+/, '')
    expect(link).toContain('/account/impersonate')
    expect((await browser().get(link)).status).toBeLessThan(500)

    // An export searched by their name; "send me a test" previewed for them.
    const exported = await admin
      .post(`/admin/api/resources/Client/download/export?filters.q=${encodeURIComponent(ID.lastName)}`)
      .type('form')
      .send({})
    expect(exported.status).toBe(200)
    const tested = await admin
      .post('/admin/api/resources/EmailTemplate/actions/testEmailTemplate')
      .type('form')
      .send({
        template: 'suspended',
        language: 'fr',
        subject: `${TEXT.testSubject} {{lastName}}`,
        text: 'Bonjour {{firstName}} {{lastName}}, {{reason}}',
        clientId: String(client.id),
      })
    expect(tested.body.notice?.message).toBe('emailTemplateTestSent')

    // An import naming them: a line matched by their email, a conflict on their number; and an
    // upload only dry-run (its lines stay stored until swept).
    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ active: true })
    const csv = [
      COMMISSION_CSV_HEADER,
      `${client.clientNumber};Autre;Personne;autre.${R}@example.test;K-P1-${R};PER;${advisor.code};2026-02;100,00;2,5`,
      `;${ID.lastName};${ID.firstName};${ID.email};K-P2-${R};PER;${advisor.code};2026-02;120,00;2,5`,
    ].join('\n')
    const IMPORT = '/admin/api/resources/Commission/actions/importCommissions'
    const upload = async () => {
      const res = await admin
        .post(IMPORT)
        .field('step', 'upload')
        .attach('file', Buffer.from(`${csv}\n`, 'utf8'), `commissions-${ID.lastName}.csv`)
      expect(res.status).toBe(200)
      return res.body.importUpload as { uploadId: string; proposed: unknown; fileName: string }
    }
    const first = await upload()
    const mapping = JSON.stringify(first.proposed)
    const started = await admin
      .post(IMPORT)
      .type('form')
      .send({ step: 'import', uploadId: first.uploadId, mapping, fileName: first.fileName })
    const batchId = started.body.importBatch.id
    await demo.clients.commissionImport.finished(batchId)
    const dry = await upload()
    const dryRun = await admin
      .post(IMPORT)
      .type('form')
      .send({ step: 'dryRun', uploadId: dry.uploadId, mapping })
    expect(dryRun.body.importDryRun.errors[0].conflict.existing.lastName).toBe(ID.lastName)

    // The host's own table, declared in the demo's erasure option: a ticket of theirs, and one
    // filed under no client that names them.
    await ds()
      .getRepository(Ticket)
      .save([
        { clientId: client.id, subject: `${TEXT.ticket} rappel` },
        { clientId: null, subject: `Appel de ${ID.firstName} ${ID.lastName} (${ID.email})` },
      ])

    // A file kept on them: its name, its note and its bytes name them; downloaded once.
    const kept = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/uploadFile`)
      .field('note', `${TEXT.fileNote} ${ID.firstName}`)
      .field('visibility', 'support')
      .attach('file', Buffer.from(`${TEXT.fileBody} ${ID.lastName}\n`), `${TEXT.fileName}-${ID.lastName}.txt`)
    expect(kept.body.file?.note).toContain(TEXT.fileNote)
    const fetched = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/download/downloadFile`)
      .type('form')
      .send({ fileId: String(kept.body.file.id) })
    expect(fetched.status).toBe(200)
    expect(await storedFiles()).toHaveLength(1)

    // Everything above wrote about them somewhere.
    expect((await logicalDump(database())).length).toBeGreaterThan(10)

    // The counters keyed by their email: registration, reset, and the login from their IP.
    const { lastLoginIp } = await ds().getRepository(Client).findOneByOrFail({ id: client.id })
    const emailKeys = [
      rateLimitKey('register:address', [ID.email]),
      rateLimitKey('passwordReset:address', [ID.email]),
      rateLimitKey('login', [ID.email, lastLoginIp]),
    ]
    expect(
      await ds()
        .getRepository(RateLimitCounter)
        .countBy(emailKeys.map((key) => ({ key }))),
    ).toBe(3)

    // A custom field marked personal, filled with who they are: its value goes, its history is redacted.
    const defined = await admin
      .post('/admin/api/resources/CustomField/actions/new')
      .type('form')
      .send({ key: 'proof_note', type: 'longText', labelFr: 'Note', labelEn: 'Note', personal: 'true' })
    expect(defined.status).toBe(200)
    const filled = await api.admin.record('edit', client.id, {
      cf__proof_note: `${ID.firstName} ${ID.lastName}, ${ID.email}`,
    })
    expect(filled.body.record?.errors ?? {}).toEqual({})
    expect(await ds().getRepository(ClientCustomValue).countBy({ clientId: client.id })).toBe(1)

    const anonymised = await api.admin.record('anonymise', client.id, {
      confirmation: client.clientNumber,
      force: 'true',
      reason: `Demande RGPD de ${ID.firstName} ${ID.lastName}`,
    })
    expect(anonymised.body.notice).toMatchObject({ message: 'clientAnonymised', type: 'success' })

    // Support reads the lists and the import's page: no identity left.
    for (const url of [
      '/admin/api/resources/EmailLog/actions/list?perPage=500',
      '/admin/api/resources/ClientEvent/actions/list?perPage=500',
      `/admin/api/resources/ImportBatch/records/${batchId}/show`,
    ]) {
      const res = await support.get(url)
      expect([url, res.status]).toEqual([url, 200])
      expect([url, markersIn(JSON.stringify(res.body))]).toEqual([url, []])
    }
    // The archive of the anonymised client names no one.
    const archive = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/download/gdprArchive`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const files = unzipSync(new Uint8Array(archive.body as Buffer))
    expect(
      Object.entries(files).flatMap(([name, bytes]) =>
        markersIn(strFromU8(bytes)).map((m) => `${name}: ${m}`),
      ),
    ).toEqual([])
    // Their file: listed nowhere, and its stored object deleted.
    expect(await storedFiles()).toEqual([])
    expect(
      (await admin.get(`/admin/api/resources/Client/records/${client.id}/clientFiles`)).body.files,
    ).toEqual([])
    // The rate-limit counters their email made are gone too (their keys are hashes: no marker to find).
    expect(
      await ds()
        .getRepository(RateLimitCounter)
        .findBy(emailKeys.map((key) => ({ key }))),
    ).toEqual([])

    // The whole database, row by row, and on SQLite the file and its WAL themselves.
    const rows = await logicalDump(database())
    const file = database().kind === 'sqlite' ? await fileDump(database()) : []
    expect({ rows, file }).toEqual({ rows: [], file: [] })
  })

  // Issue 24: a client removed for good leaves rows linked to no client (emails, notes, history),
  // which no later anonymisation can reach: the removal erases it first, by the same map.
  test('a client soft-deleted then removed for good (never anonymised): 0 markers in the database', async () => {
    const R2 = randomBytes(4).toString('hex')
    const who = {
      lastName: `Rmvlast${R2}`,
      firstName: `Rmvfirst${R2}`,
      email: `rmvmail${R2}@example.test`,
      phone: '+33 6 52 81 37 94',
      address: `7 avenue Rmvaddr${R2}`,
    }
    const text = {
      note: `Rmvnote${R2}`,
      subject: `Rmvsubj${R2}`,
      body: `Rmvbody${R2}`,
      suspend: `Rmvsusp${R2}`,
      reactivate: `Rmvreact${R2}`,
    }
    const markers = [...Object.values(who), ...Object.values(text)]
    const visitor = browser()
    await visitor.get('/account/register')
    const registered = await visitor.post('/account/register', {
      lastName: who.lastName,
      firstName: who.firstName,
      email: who.email,
      password: PASSWORD,
      locale: 'fr',
    })
    expect(registered.status).toBe(303)
    await demo.clients.accounts.idle()
    const client = await ds().getRepository(Client).findOneByOrFail({ email: who.email })
    const api = clientApi(admin)
    await visitor.get('/account/forgot')
    expect((await visitor.post('/account/forgot', { email: who.email })).status).toBeLessThan(500)
    await demo.clients.accounts.idle()
    expect((await api.record('forceConfirm', client.id)).status).toBe(200)
    expect(
      (await api.record('edit', client.id, { phone: who.phone, addressLine1: who.address })).status,
    ).toBe(200)
    await api.record('addNote', client.id, { body: `${text.note} ${who.firstName} ${who.phone}` })
    const mailed = await api.record('sendEmail', client.id, {
      subject: `${text.subject} ${who.lastName}`,
      body: `${text.body} Bonjour {{firstName}}`,
    })
    expect(mailed.status).toBe(200)
    expect(
      (await api.record('suspend', client.id, { reason: `${text.suspend} ${who.lastName}` })).body.notice
        ?.type,
    ).toBe('success')
    expect(
      (await api.record('reactivate', client.id, { reason: `${text.reactivate} ${who.firstName}` })).body
        .notice?.type,
    ).toBe('success')
    // A row linked to no client that names them: an export searched by their name.
    const exported = await admin
      .post(`/admin/api/resources/Client/download/export?filters.q=${encodeURIComponent(who.lastName)}`)
      .type('form')
      .send({})
    expect(exported.status).toBe(200)
    // A file kept on them, named after them, with a note about them.
    const kept = await admin
      .post(`/admin/api/resources/Client/records/${client.id}/uploadFile`)
      .field('note', `${text.note} ${who.firstName}`)
      .attach('file', Buffer.from(`${who.lastName}\n`), `${who.lastName}.txt`)
    expect(kept.body.file?.name).toBe(`${who.lastName}.txt`)
    expect(await storedFiles()).toHaveLength(1)
    expect((await logicalDump(database(), markers)).length).toBeGreaterThan(0)

    const deleted = await api.record('delete', client.id, {
      reason: `Effacement demandé par ${who.firstName} ${who.lastName}`,
    })
    expect(deleted.body.notice).toMatchObject({ type: 'success' })
    const removed = await api.record('removeForGood', client.id)
    expect(removed.body.notice).toMatchObject({ type: 'success', message: 'clientRemovedForGood' })
    expect(await ds().getRepository(Client).countBy({ id: client.id })).toBe(0)
    // Its file: the row and the stored object both gone.
    expect(await storedFiles()).toEqual([])

    // The `removed` event keeps who, when, the number and the removed id; the reason without the person.
    const events = (
      await ds().getRepository(ClientEvent).findBy({ type: 'removed', clientId: IsNull() })
    ).filter((e) => e.data?.removedClientId === client.id)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: 'admin@example.com',
      reason: `Effacement demandé par ${REDACTED} ${REDACTED}`,
      data: { clientNumber: client.clientNumber, removedClientId: client.id },
    })
    expect(Object.keys(events[0].data ?? {}).sort()).toEqual(['clientNumber', 'removedClientId'])

    const rows = await logicalDump(database(), markers)
    const file = database().kind === 'sqlite' ? await fileDump(database(), markers) : []
    expect({ rows, file }).toEqual({ rows: [], file: [] })
  })
})
