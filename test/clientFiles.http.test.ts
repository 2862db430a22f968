import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate'
import type { Agent, Response } from 'supertest'
import { AdminAuditEntry, Client, ClientEvent, ClientFile } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, TEST_ORIGIN, type SeededDemo } from './support/demoAgent.js'

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
])
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const DOCX = Buffer.from(
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
)
const MAX = 64 * 1024

/** Every file under `dir`, relative. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

describeEachDatabase('the files of a client over HTTP', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  let dir: string
  let clientId: number
  let otherId: number
  let thirdId: number
  const ds = () => database().dataSource
  const url = (id: number, action: string) => `/admin/api/resources/Client/records/${id}/${action}`
  const upload = (
    agent: Agent,
    id: number,
    name: string,
    bytes: Buffer,
    fields: Record<string, string> = {},
  ) => {
    const req = agent.post(url(id, 'uploadFile'))
    for (const [k, v] of Object.entries(fields)) req.field(k, v)
    return req.attach('file', bytes, name)
  }
  const download = (agent: Agent, id: number, fileId: number | string) =>
    agent
      .post(`/admin/api/resources/Client/records/${id}/download/downloadFile`)
      .type('form')
      .send({ fileId: String(fileId) })
      .buffer(true)
      .parse(binary)
  const rows = () =>
    ds()
      .getRepository(ClientFile)
      .find({ order: { id: 'ASC' } })

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'client-files-'))
    demo = await seededDemo(database(), {
      files: { directory: dir, maxFileBytes: MAX, archiveMaxBytes: 100 },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    const clients = await ds()
      .getRepository(Client)
      .find({ order: { id: 'ASC' }, take: 3 })
    ;[clientId, otherId, thirdId] = clients.map((c) => c.id)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  test('several files uploaded, counted, listed by visibility, downloaded with an audit entry, deleted with history', async () => {
    const a = await upload(admin, clientId, 'Relevé.pdf', PDF, { note: 'RIB 2026', visibility: 'support' })
    expect(a.status).toBe(200)
    expect(a.body.notice).toMatchObject({ type: 'success', message: 'fileAdded' })
    expect(a.body.file).toMatchObject({ name: 'Relevé.pdf', type: 'application/pdf', note: 'RIB 2026' })
    const b = await upload(admin, clientId, 'photo.png', PNG, { visibility: 'admins' })
    const c = await upload(admin, clientId, 'contrat.docx', DOCX)
    expect([b.status, c.status]).toEqual([200, 200])
    expect(c.body.file).toMatchObject({
      visibility: 'admins',
      type: expect.stringContaining('wordprocessingml'),
    })

    expect((await admin.get(url(clientId, 'tabCounts'))).body.counts.files).toBe(3)
    expect((await support.get(url(clientId, 'tabCounts'))).body.counts.files).toBe(1)
    const listed = await admin.get(url(clientId, 'clientFiles'))
    expect(listed.body.files.map((f: { name: string }) => f.name)).toEqual([
      'contrat.docx',
      'photo.png',
      'Relevé.pdf',
    ])
    expect(listed.body.rights).toMatchObject({ upload: true, delete: true, adminOnly: true })
    expect(JSON.stringify(listed.body)).not.toContain('storageKey')
    const seen = await support.get(url(clientId, 'clientFiles'))
    expect(seen.body.files.map((f: { name: string }) => f.name)).toEqual(['Relevé.pdf'])
    expect(seen.body.rights).toMatchObject({ upload: false, delete: false, adminOnly: false })

    const got = await download(admin, clientId, a.body.file.id)
    expect(got.status).toBe(200)
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0)
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Relev_.pdf"; filename*=UTF-8''Relev%C3%A9.pdf`,
    )
    expect(got.headers['x-content-type-options']).toBe('nosniff')
    expect(got.headers['content-type']).toMatch(/^application\/pdf/)
    const audits = await ds().getRepository(AdminAuditEntry).findBy({ action: 'file_downloaded' })
    expect(audits.map((e) => [e.actor, e.details])).toEqual([
      ['admin@example.com', { clientId, fileId: a.body.file.id }],
    ])
    // Support: the "support too" file, never an admins-only one (404 as if absent), no upload, no delete.
    expect((await download(support, clientId, a.body.file.id)).status).toBe(200)
    expect((await download(support, clientId, b.body.file.id)).status).toBe(404)
    expect((await upload(support, clientId, 'x.pdf', PDF)).status).toBe(403)
    const refused = await support
      .post(url(clientId, 'deleteFile'))
      .type('form')
      .send({ fileId: b.body.file.id })
    expect(refused.status).toBe(403)

    const stored = await filesUnder(dir)
    expect(stored).toHaveLength(3)
    for (const key of stored) expect(key).toMatch(new RegExp(`^${clientId}/[a-f0-9]{32}\\.(pdf|png|docx)$`))
    const removed = await admin
      .post(url(clientId, 'deleteFile'))
      .type('form')
      .send({ fileId: b.body.file.id })
    expect(removed.body.notice).toMatchObject({ type: 'success', message: 'fileDeleted' })
    expect(await filesUnder(dir)).toHaveLength(2)
    expect((await rows()).map((r) => r.originalName)).toEqual(['Relevé.pdf', 'contrat.docx'])
    const events = await ds()
      .getRepository(ClientEvent)
      .find({ where: { clientId }, order: { id: 'ASC' } })
    const fileEvents = events.filter((e) => e.type.startsWith('file_'))
    expect(fileEvents.map((e) => [e.type, e.actor, (e.data as { name?: string }).name])).toEqual([
      ['file_added', 'admin@example.com', 'Relevé.pdf'],
      ['file_added', 'admin@example.com', 'photo.png'],
      ['file_added', 'admin@example.com', 'contrat.docx'],
      ['file_deleted', 'admin@example.com', 'photo.png'],
    ])
    expect((await download(admin, clientId, b.body.file.id)).status).toBe(404)
  })

  test('the GDPR archive lists every file and holds their bytes up to files.archiveMaxBytes', async () => {
    const first = await upload(admin, thirdId, 'un.txt', Buffer.from(`${'a'.repeat(59)}\n`), {
      note: 'premier',
    })
    const second = await upload(admin, thirdId, 'deux.txt', Buffer.from(`${'b'.repeat(59)}\n`))
    expect([first.status, second.status]).toEqual([200, 200])
    const archive = await admin
      .post(`/admin/api/resources/Client/records/${thirdId}/download/gdprArchive`)
      .buffer(true)
      .parse(binary)
    const entries = unzipSync(new Uint8Array(archive.body as Buffer))
    const listed = JSON.parse(strFromU8(entries['files.json'])) as {
      id: number
      name: string
      note: string | null
    }[]
    expect(listed.map((f) => [f.name, f.note])).toEqual([
      ['un.txt', 'premier'],
      ['deux.txt', null],
    ])
    expect(JSON.stringify(listed)).not.toContain('storageKey')
    // 60 + 60 bytes over a cap of 100: the first file's bytes, the second only listed.
    expect(Object.keys(entries).filter((n) => n.startsWith('files/'))).toEqual([
      `files/${first.body.file.id}-un.txt`,
    ])
    expect(strFromU8(entries[`files/${first.body.file.id}-un.txt`])).toBe(`${'a'.repeat(59)}\n`)
  })

  describe('hostile input: a 4xx or a notice, never a 500, nothing written', () => {
    let before: { rows: number; files: number; events: number }
    const snapshot = async () => ({
      rows: await ds().getRepository(ClientFile).count(),
      files: (await filesUnder(dir)).length,
      events: await ds().getRepository(ClientEvent).countBy({ type: 'file_added' }),
    })
    beforeEach(async () => {
      before = await snapshot()
    })

    test('a path in the name is display text only: the key is ours, nothing outside the directory', async () => {
      const res = await upload(admin, clientId, '../../../evil.txt', Buffer.from('hello\n'))
      expect(res.status).toBe(200)
      expect(res.body.file.name).toBe('evil.txt')
      expect(await readdir(path.dirname(dir))).not.toContain('evil.txt')
      for (const key of await filesUnder(dir)) expect(key).toMatch(/^\d+\/[a-f0-9]{32}\.[a-z]+$/)
      await admin.post(url(clientId, 'deleteFile')).type('form').send({ fileId: res.body.file.id })
    })

    test.each([
      ['a NUL byte in the name', 'a\u0000.png', PNG, 'fileNameRefused'],
      [
        'a PHP script named .png',
        'photo.png',
        Buffer.from('<?php system($_GET["c"]); ?>\n'),
        'fileTypeRefused',
      ],
      [
        'an executable named .pdf',
        'doc.pdf',
        Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]),
        'fileTypeRefused',
      ],
      [
        'a plain zip named .docx',
        'doc.docx',
        Buffer.from(zipSync({ 'a.txt': strToU8('a') })),
        'fileTypeRefused',
      ],
      ['a PNG named .pdf', 'scan.pdf', PNG, 'fileTypeRefused'],
      ['a file over the limit', 'big.txt', Buffer.alloc(MAX + 1, 0x61), 'fileTooLarge'],
      ['an empty file', 'empty.txt', Buffer.alloc(0), 'fileEmpty'],
    ])('%s', async (_what, name, bytes, error) => {
      const res = await upload(admin, clientId, name, bytes)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain(error)
      expect(await snapshot()).toEqual(before)
    })

    test('a bad visibility or a note too long is a field error', async () => {
      const bad = await upload(admin, clientId, 'a.pdf', PDF, { visibility: 'everyone' })
      expect([bad.status, bad.body.record?.errors?.visibility?.message]).toEqual([400, 'invalidValue'])
      const long = await upload(admin, clientId, 'a.pdf', PDF, { note: 'x'.repeat(5001) })
      expect([long.status, long.body.record?.errors?.note?.message]).toEqual([400, 'tooLong'])
      expect(await snapshot()).toEqual(before)
    })

    test('a declared length the size of a zip bomb is refused before a byte is read', async () => {
      const res = await admin
        .post(url(clientId, 'uploadFile'))
        .set('Content-Type', 'multipart/form-data; boundary=x')
        .set('Content-Length', String(50 * 1024 ** 3))
        .send('--x--\r\n')
        .catch((error: { response?: Response }) => error.response)
      expect(res?.status).toBe(413)
      expect(await snapshot()).toEqual(before)
    })

    test('a GET, a JSON body, a body of another type', async () => {
      expect((await admin.get(url(clientId, 'uploadFile'))).status).toBe(405)
      expect((await admin.get(url(clientId, 'deleteFile'))).status).toBe(405)
      const json = await admin
        .post(url(clientId, 'uploadFile'))
        .send({ file: { path: '/etc/passwd', name: 'p.txt' } })
      expect([json.status, json.body.record?.errors?.file?.message]).toEqual([400, 'fileRequired'])
      const text = await admin
        .post(url(clientId, 'uploadFile'))
        .set('Content-Type', 'text/plain')
        .send('hello')
      expect(text.status).toBe(415)
      expect(await snapshot()).toEqual(before)
    })

    test("another client's file id in the URL, or a bad id, is never served", async () => {
      const mine = await upload(admin, clientId, 'mine.pdf', PDF, { visibility: 'support' })
      const audits = await ds().getRepository(AdminAuditEntry).countBy({ action: 'file_downloaded' })
      expect((await download(admin, otherId, mine.body.file.id)).status).toBe(404)
      expect((await download(admin, clientId, '1 OR 1=1')).status).toBe(400)
      expect((await download(admin, clientId, '../../etc/passwd')).status).toBe(400)
      const other = await admin
        .post(url(otherId, 'deleteFile'))
        .type('form')
        .send({ fileId: mine.body.file.id })
      expect(other.body.notice).toMatchObject({ type: 'error', message: 'notFound' })
      expect(await ds().getRepository(AdminAuditEntry).countBy({ action: 'file_downloaded' })).toBe(audits)
      expect((await download(admin, clientId, mine.body.file.id)).status).toBe(200)
      // No origin: the same-origin check refuses a POST from elsewhere.
      const foreign = await admin.post(url(clientId, 'deleteFile')).set('Origin', 'http://evil.test').send({})
      expect(foreign.status).toBe(403)
      await admin
        .post(url(clientId, 'deleteFile'))
        .set('Origin', TEST_ORIGIN)
        .type('form')
        .send({ fileId: mine.body.file.id })
    })

    test('a row that cannot be written removes the object already stored', async () => {
      const storage = demo.clients.clientFiles.options.storage
      const original = storage.upload.bind(storage)
      // The client is anonymised between the bytes and the row: the row's transaction refuses.
      storage.upload = async (file, key) => {
        await original(file, key)
        await ds().getRepository(Client).update({ id: otherId }, { anonymisedAt: new Date() })
      }
      try {
        const res = await upload(admin, otherId, 'late.pdf', PDF)
        expect(res.body.notice).toMatchObject({ type: 'error', message: 'isAnonymised' })
      } finally {
        storage.upload = original
        await ds().getRepository(Client).update({ id: otherId }, { anonymisedAt: null })
      }
      expect(await snapshot()).toEqual(before)
    })
  })
})
