import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Agent } from 'supertest'
import { ImportUploadChunk } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { leftoversWith, uploadSnapshot } from './uploadLeftovers.js'

const ACTION = '/admin/api/resources/Commission/actions/importCommissions'

/**
 * Finding 2: the upload step took `file.path` from the body, answered the file's first rows and
 * deleted it. A file named in a body is neither read nor deleted, only the multipart parser's
 * own temp file is accepted, and a refused upload leaves nothing behind.
 */
describeEachDatabase('import upload: file paths never taken from a body', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let dir: string
  let canary: string
  let parserLike: string
  const secret = `canary-${randomBytes(6).toString('hex')}`
  const content = `code;name;amount\n${secret};${secret};1\n`

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-canary-'))
    canary = path.join(dir, 'canary.csv')
    await writeFile(canary, content)
    // Named like the parser's temp files, in the parser's directory: still not from this request.
    parserLike = path.join(os.tmpdir(), `upload_${randomBytes(16).toString('hex')}`)
    await writeFile(parserLike, content)
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(parserLike, { force: true })
  })

  const fake = (file: string) => ({ step: 'upload', file: { path: file, name: 'x.csv', size: 30 } })

  test('a path in a JSON body is neither read nor deleted (the action ignores it)', async () => {
    for (const file of [canary, parserLike]) {
      const res = await admin
        .post(ACTION)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(fake(file)))
      expect(res.status).toBe(200)
      expect(res.body.importUpload).toBeUndefined()
      expect(res.text).not.toContain(secret)
      expect(res.body.record.errors.file.message).toBe('importNoFile')
      expect(await readFile(file, 'utf8')).toBe(content)
    }
  })

  test('a text/plain;charset=json body is refused by the router (415) before any parser reads it', async () => {
    for (const file of [canary, parserLike]) {
      const res = await admin
        .post(ACTION)
        .set('Content-Type', 'text/plain;charset=json')
        .send(JSON.stringify(fake(file)))
      expect(res.status).toBe(415)
      expect(res.text).not.toContain(secret)
      expect(await readFile(file, 'utf8')).toBe(content)
    }
  })

  test('a path in a form body is neither read nor deleted', async () => {
    const res = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'upload', 'file.path': canary, 'file.size': '30', file: canary })
    expect(res.body.importUpload).toBeUndefined()
    expect(res.text).not.toContain(secret)
    expect(await readFile(canary, 'utf8')).toBe(content)
  })

  test('a real multipart upload is accepted; its temp file does not stay', async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`
    const before = await uploadSnapshot()
    const res = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from(`period;amount;note\n2026-03;12.50;${marker}\n`), 'ok.csv')
    expect(res.status).toBe(200)
    expect(res.body.importUpload).toMatchObject({
      fileName: 'ok.csv',
      preview: [['2026-03', '12.50', marker]],
    })
    // No file stays: the kept copy is in the database, under the id the answer gives.
    expect(await leftoversWith(before, marker)).toEqual([])
    const kept = await database()
      .dataSource.getRepository(ImportUploadChunk)
      .findBy({ uploadId: res.body.importUpload.uploadId })
    expect(Buffer.concat(kept.map((piece) => piece.data)).toString('utf8')).toContain(marker)
  })

  test('a refused (non-CSV) multipart upload leaves no file behind', async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`
    const before = await uploadSnapshot()
    const res = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from(`${marker} just one line without separators\n`), 'notes.txt')
    expect(res.body.record.errors.file.message).toBe('importNotCsv')
    expect(await leftoversWith(before, marker)).toEqual([])
  })

  test('a file attached to another step does not stay either', async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`
    const before = await uploadSnapshot()
    const res = await admin
      .post(ACTION)
      .field('step', 'dryRun')
      .field('uploadId', 'f'.repeat(32))
      .attach('file', Buffer.from(`a;b\n${marker};1\n`), 'other.csv')
    expect(res.body.record.errors.file.message).toBe('importUploadGone')
    expect(await leftoversWith(before, marker)).toEqual([])
  })
})
