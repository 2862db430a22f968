import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Agent } from 'supertest'
import type { DataSource } from 'typeorm'
import { createDemoApp, type DemoApp } from '../demo/app.js'
import {
  Advisor,
  Client,
  Commission,
  ImportBatch,
  ImportUpload,
  ImportUploadChunk,
  translateMessage,
} from '../src/index.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import mysql from 'mysql2/promise'
import { claimDueJob } from '../src/services/import/importClaim.js'
import { resolveJobOptions } from '../src/services/import/importJobOptions.js'
import { runImportJob } from '../src/services/import/importRunner.js'
import { UPLOAD_KEEP_MS } from '../src/services/import/uploadStore.js'
import { commissionCsv } from './support/commissionCsv.js'
import { batchCounts, dryCounts } from './support/importCounts.js'
import { describeEachDatabase } from './support/databases.js'
import { waitUntil } from './support/waitUntil.js'
import { loginAs, nullMailer, seededDemo, TEST_ORIGIN, type SeededDemo } from './support/demoAgent.js'

const ACTION = '/admin/api/resources/Commission/actions/importCommissions'
const actor = { email: 'admin@example.com', ip: '127.0.0.1' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Commissions of a batch, and how many of them share an amount (each row's amount is its own). */
async function writtenTwice(ds: DataSource, batchId: number) {
  const rows: { amount: string }[] = await ds
    .getRepository(Commission)
    .createQueryBuilder('m')
    .select('m.amount', 'amount')
    .where('m.importBatchId = :batchId', { batchId })
    .getRawMany()
  return { total: rows.length, duplicates: rows.length - new Set(rows.map((r) => String(r.amount))).size }
}

describeEachDatabase('imports as jobs, uploads in the database', (database, kind) => {
  let demo: SeededDemo
  let admin: Agent
  let dir: string
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database(), { jobs: { pollMs: 50, leaseMs: 2000 } })
    admin = await loginAs(demo.app, 'admin@example.com')
    await ds().getRepository(Advisor).save({ code: 'JOBS', lastName: 'Jobs' })
    dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-jobs-'))
  })
  afterAll(async () => {
    await demo?.clients.jobs.stop()
    await rm(dir, { recursive: true, force: true })
  })

  test('two instances: upload on A, dry run on B, import started on A, progress read on B; counts equal the dry run', async () => {
    // B: another AdminJS and Express app on the same database. It shares A's DataSource: AdminJS's
    // TypeORM adapter reads through the entities' static BaseEntity methods, bound to one DataSource
    // per process anyway (separate processes: the kill test in importKill.test.ts).
    const b: DemoApp = createDemoApp({
      dataSource: ds(),
      mailer: nullMailer,
      sessionSecret: 'test-session-secret-test-session-secret',
      loginAttempts: 1000,
      origins: [TEST_ORIGIN],
    })
    try {
      const adminB = await loginAs(b.app, 'admin@example.com')
      const csv = commissionCsv(5000, 'JOBS', 'TWO')
      const upload = await admin
        .post(ACTION)
        .field('step', 'upload')
        .attach('file', Buffer.from(csv), 'two.csv')
      expect(upload.body.importUpload.layout.headers).toHaveLength(10)
      const { uploadId, proposed } = upload.body.importUpload
      const mapping = JSON.stringify(proposed)

      const dry = await adminB.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
      expect(dry.body.importDryRun.counts).toMatchObject({ rows: 5000, failed: 51 })
      expect(dry.body.importDryRun.counts.clientsCreated).toBeGreaterThan(500)

      const started = await admin
        .post(ACTION)
        .type('form')
        .send({ step: 'import', uploadId, mapping, fileName: 'two.csv' })
      const batchId = started.body.importBatch.id
      expect(started.body.importBatch.status).toBe('queued')
      // A second click on the same upload imports nothing more.
      const again = await admin.post(ACTION).type('form').send({ step: 'import', uploadId, mapping })
      expect(again.body.record.errors.file.message).toBe('importUploadGone')

      // Before any worker runs, B reads it as waiting for one.
      const waiting = await adminB.get(`${ACTION}?batchId=${batchId}`)
      expect(waiting.body.importBatch).toMatchObject({ id: batchId, status: 'queued', rowsRead: 0 })

      demo.clients.jobs.start()
      let last: Record<string, unknown> = {}
      await waitUntil(
        'the import to end, read on B',
        async () => {
          last = (await adminB.get(`${ACTION}?batchId=${batchId}`)).body.importBatch
          return last.status !== 'queued' && last.status !== 'running'
        },
        240_000,
        100,
      )
      expect(last).toMatchObject({
        status: 'done',
        rowsRead: 5000,
        rowsImported: dry.body.importDryRun.counts.imported,
        rowsFailed: dry.body.importDryRun.counts.failed,
      })
      const batch = await ds().getRepository(ImportBatch).findOneByOrFail({ id: batchId })
      expect(batchCounts(batch)).toEqual(dryCounts(dry.body.importDryRun.counts))
      expect(await writtenTwice(ds(), batchId)).toEqual({
        total: dry.body.importDryRun.counts.imported,
        duplicates: 0,
      })
      // The upload goes with the import (removed right after the batch says done).
      await waitUntil(
        'the upload removed',
        async () => (await ds().getRepository(ImportUpload).countBy({ id: uploadId })) === 0,
        60_000,
      )
      expect(await ds().getRepository(ImportUpload).countBy({ id: uploadId })).toBe(0)
      expect(await ds().getRepository(ImportUploadChunk).countBy({ uploadId })).toBe(0)

      // Undone from B.
      const undo = await adminB.post(`/admin/api/resources/ImportBatch/records/${batchId}/undoImport`)
      expect(undo.body.notice).toMatchObject({ type: 'success', message: 'importUndone' })
      expect(await ds().getRepository(Commission).countBy({ importBatchId: batchId })).toBe(0)
    } finally {
      await demo.clients.jobs.stop()
    }
  }, 300_000)

  test('a graceful stop gives the job back; the next worker resumes after the last chunk; counts equal the dry run', async () => {
    const file = path.join(dir, 'resume.csv')
    await writeFile(file, commissionCsv(9000, 'JOBS', 'RES'))
    const importer = demo.clients.commissionImport
    const mapping = proposeMapping((await importer.readLayout(file)).headers)
    const dry = await importer.dryRun(file, mapping)
    const batch = await importer.start(actor, file, 'resume.csv', mapping)

    demo.clients.jobs.start()
    const repo = ds().getRepository(ImportBatch)
    // Stopped once the database says a first chunk is committed (however long that takes).
    await waitUntil(
      'a first chunk committed',
      async () => (await repo.findOneByOrFail({ id: batch.id })).rowsRead >= 2000,
      240_000,
      20,
    )
    await demo.clients.jobs.stop()
    const stopped = await repo.findOneByOrFail({ id: batch.id })
    expect(stopped).toMatchObject({ status: 'queued', leaseOwner: null })
    expect(stopped.rowsRead % 2000).toBe(0)
    expect(stopped.rowsRead).toBeGreaterThanOrEqual(2000)
    expect(stopped.rowsRead).toBeLessThan(9000)
    expect(stopped.chunksDone).toBe(stopped.rowsRead / 2000)

    // Another worker (a CommissionImport of its own, as in another process) finishes it.
    const done = await new CommissionImport(ds()).finished(batch.id, 120_000)
    expect(done.status).toBe('done')
    expect(done.attempts).toBe(2)
    expect(batchCounts(done)).toEqual(dryCounts(dry.counts))
    expect(await writtenTwice(ds(), batch.id)).toEqual({ total: dry.counts.imported, duplicates: 0 })
    const clients = await ds().getRepository(Client).countBy({ importBatchId: batch.id })
    expect(clients).toBe(dry.counts.clientsCreated)
  }, 300_000)

  // A chunk held up by a lock another connection keeps (MariaDB's row locks): stop() must not wait for it.
  if (kind === 'mysql') {
    test('stop() resolves within its bound while a chunk waits for a lock; the job goes back to the queue once it commits', async () => {
      const file = path.join(dir, 'held.csv')
      await writeFile(file, commissionCsv(8000, 'JOBS', 'HLD'))
      const importer = new CommissionImport(
        ds(),
        undefined,
        resolveJobOptions({ pollMs: 50, leaseMs: 60_000 }),
      )
      const mapping = proposeMapping((await importer.readLayout(file)).headers)
      const batch = await importer.start(actor, file, 'held.csv', mapping)
      const repo = ds().getRepository(ImportBatch)
      const table = ds().getMetadata(ImportBatch).tableName
      const blocker = await mysql.createConnection({ uri: database().url as string })
      try {
        importer.jobs.start()
        await waitUntil(
          'a first chunk committed',
          async () => (await repo.findOneByOrFail({ id: batch.id })).rowsRead > 0,
          240_000,
          20,
        )
        // The next chunk's first step locks the batch row: it waits for this transaction.
        await blocker.query('START TRANSACTION')
        await blocker.query(`SELECT id FROM \`${table}\` WHERE id = ? FOR UPDATE`, [batch.id])
        await sleep(300)
        const stopAt = Date.now()
        await importer.jobs.stop({ timeoutMs: 1000 })
        const stopMs = Date.now() - stopAt
        expect(stopMs).toBeGreaterThanOrEqual(900)
        expect(stopMs).toBeLessThan(10_000)
        await blocker.query('ROLLBACK')
        // The held chunk commits, then the job goes back: queued, no owner, resumable at once.
        let back = await repo.findOneByOrFail({ id: batch.id })
        await waitUntil(
          'the job back in the queue',
          async () => (back = await repo.findOneByOrFail({ id: batch.id })).status === 'queued',
          120_000,
          20,
        )
        expect(back).toMatchObject({ status: 'queued', leaseOwner: null, leaseUntil: null })
        expect(back.rowsRead).toBeLessThan(8000)
        const done = await new CommissionImport(ds()).finished(batch.id, 120_000)
        expect(done.status).toBe('done')
        expect(done.rowsRead).toBe(8000)
      } finally {
        await blocker.end()
        await importer.jobs.stop()
      }
    }, 180_000)
  }

  test('a worker that lost its lease writes nothing: its chunk rolls back', async () => {
    const file = path.join(dir, 'zombie.csv')
    await writeFile(file, commissionCsv(3000, 'JOBS', 'ZOM'))
    const importer = new CommissionImport(ds())
    const mapping = proposeMapping((await importer.readLayout(file)).headers)
    const batch = await importer.start(actor, file, 'zombie.csv', mapping)
    const zombie = await claimDueJob(ds(), 'zombie:1', 60_000, Date.now())
    expect(zombie).toEqual({ batchId: batch.id, owner: 'zombie:1' })
    // Its lease runs out (it hung); another worker takes the job and finishes it.
    await ds()
      .getRepository(ImportBatch)
      .update({ id: batch.id }, { leaseUntil: Date.now() - 1 })
    const done = await importer.finished(batch.id, 120_000)
    expect(done.status).toBe('done')
    const before = await ds().getRepository(Commission).countBy({ importBatchId: batch.id })
    // The zombie wakes up and runs its claim: nothing written, nothing changed.
    const end = await runImportJob(ds(), zombie!, { leaseMs: 60_000, now: Date.now, shouldStop: () => false })
    expect(end).toBe('lost')
    expect(await ds().getRepository(Commission).countBy({ importBatchId: batch.id })).toBe(before)
    expect(await ds().getRepository(ImportBatch).findOneByOrFail({ id: batch.id })).toMatchObject({
      status: 'done',
      rowsRead: 3000,
    })
  })

  test('undo is refused while the import waits for a worker', async () => {
    const file = path.join(dir, 'queued.csv')
    await writeFile(file, commissionCsv(10, 'JOBS', 'QUE'))
    const importer = demo.clients.commissionImport
    const batch = await importer.start(
      actor,
      file,
      'queued.csv',
      proposeMapping((await importer.readLayout(file)).headers),
    )
    const undo = await admin.post(`/admin/api/resources/ImportBatch/records/${batch.id}/undoImport`)
    expect(undo.body.notice).toMatchObject({ type: 'error', message: 'importUndoRefused' })
    expect(await ds().getRepository(ImportBatch).findOneByOrFail({ id: batch.id })).toMatchObject({
      status: 'queued',
    })
    expect((await importer.finished(batch.id)).status).toBe('done')
  })

  test('a file over the size limit is a field error, in French and English, and nothing is kept', async () => {
    const small = createDemoApp({
      dataSource: ds(),
      mailer: nullMailer,
      sessionSecret: 'test-session-secret-test-session-secret',
      loginAttempts: 1000,
      origins: [TEST_ORIGIN],
      imports: { maxFileBytes: 1000 },
    })
    const agent = await loginAs(small.app, 'admin@example.com')
    const uploads = await ds().getRepository(ImportUpload).count()
    const big = await agent
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from(commissionCsv(40, 'JOBS')), 'big.csv')
    expect(big.status).toBe(200)
    expect(big.body.record.errors.file.message).toBe('importFileTooLarge')
    expect(await ds().getRepository(ImportUpload).count()).toBe(uploads)
    const ok = await agent
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from(commissionCsv(5, 'JOBS')), 'ok.csv')
    expect(ok.body.importUpload.uploadId).toMatch(/^[a-f0-9]{32}$/)
    expect(translateMessage('fr', 'importFileTooLarge')).toBe(
      'Ce fichier est trop volumineux pour être importé.',
    )
    expect(translateMessage('en', 'importFileTooLarge')).toBe('This file is too large to import.')
  })

  test('the sweep removes an upload after a day, but not a newer one nor one a queued import reads', async () => {
    const upload = (name: string) =>
      admin
        .post(ACTION)
        .field('step', 'upload')
        .attach('file', Buffer.from(commissionCsv(3000, 'JOBS', 'SWP')), name)
    const old = (await upload('old.csv')).body.importUpload.uploadId as string
    const fresh = (await upload('fresh.csv')).body.importUpload.uploadId as string
    const held = (await upload('held.csv')).body.importUpload
    // Several pieces each (a little under 64 KB apiece).
    expect(await ds().getRepository(ImportUploadChunk).countBy({ uploadId: old })).toBeGreaterThan(1)
    const queued = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId: held.uploadId, mapping: JSON.stringify(held.proposed) })
    const dayAgo = Date.now() - UPLOAD_KEEP_MS - 60_000
    await ds().getRepository(ImportUpload).update({ id: old }, { createdAt: dayAgo })
    await ds().getRepository(ImportUpload).update({ id: held.uploadId }, { createdAt: dayAgo })

    expect(await demo.clients.commissionImport.sweepUploads()).toBe(1)
    expect(await ds().getRepository(ImportUpload).countBy({ id: old })).toBe(0)
    expect(await ds().getRepository(ImportUploadChunk).countBy({ uploadId: old })).toBe(0)
    expect(await ds().getRepository(ImportUpload).countBy({ id: fresh })).toBe(1)
    expect(await ds().getRepository(ImportUpload).countBy({ id: held.uploadId })).toBe(1)
    // A step on the swept upload: the field error, not a 500.
    const gone = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'dryRun', uploadId: old, mapping: JSON.stringify(held.proposed) })
    expect(gone.body.record.errors.file.message).toBe('importUploadGone')
    expect((await demo.clients.commissionImport.finished(queued.body.importBatch.id)).status).toBe('done')
  })
})
