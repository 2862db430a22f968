import mysql from 'mysql2/promise'
import { In, type DataSource } from 'typeorm'
import {
  Client,
  ClientEvent,
  ConcurrentChangeError,
  InvalidInputError,
  createClientManagement,
  resetTransactionStats,
  transactionStats,
  type ClientLifecycle,
} from '../src/index.js'
import { inTransaction, onTransactionConflict } from '../src/services/core/transaction.js'
import { createDemoDataSource } from '../demo/dataSource.js'
import { createTestDatabase, requireMysqlInCi, type TestDatabase } from './support/databases.js'
import { nullMailer } from './support/demoAgent.js'

const actor = { email: 'admin@example.com', ip: '192.0.2.7' }

function lifecycleFor(dataSource: DataSource): ClientLifecycle {
  return createClientManagement({
    dataSource,
    mailer: nullMailer,
    mailFrom: 'no-reply@example.com',
    links: { confirmEmail: 'https://x.example/c?t={token}', resetPassword: 'https://x.example/r?t={token}' },
  }).lifecycle
}

async function makeClients(dataSource: DataSource, prefix: string, count: number): Promise<number[]> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(Client)
    .values(
      Array.from({ length: count }, (_, i) => ({
        clientNumber: `${prefix}${String(i).padStart(5, '0')}`,
        lastName: `Retry${i}`,
        email: `${prefix.toLowerCase()}${i}@retry.example`,
        status: 'active' as const,
      })),
    )
    .execute()
  const rows = await dataSource.getRepository(Client).find({
    select: { id: true },
    where: {
      clientNumber: In(Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`)),
    },
    order: { id: 'ASC' },
  })
  return rows.map((r) => r.id)
}

/** Per client, how many events of a type it has. */
async function eventsPerClient(dataSource: DataSource, ids: number[], type: string) {
  const events = await dataSource.getRepository(ClientEvent).find({
    select: { id: true, clientId: true },
    where: { clientId: In(ids), type: type as ClientEvent['type'] },
  })
  const counts = new Map(ids.map((id) => [id, 0]))
  for (const e of events) if (e.clientId !== null) counts.set(e.clientId, (counts.get(e.clientId) ?? 0) + 1)
  return [...counts.values()]
}

/** Waits (bounded) until the condition holds; fails with `what` otherwise. */
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

requireMysqlInCi()

describe('the transaction helper on SQLite', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
  })
  afterAll(() => db?.dispose())
  beforeEach(() => resetTransactionStats())

  test('a file held by another connection (SQLITE_BUSY) is waited out: the bulk action commits once', async () => {
    const ids = await makeClients(db.dataSource, 'SQB', 10)
    // Another writer on the same file, as another process would be: it holds the write lock a moment.
    const other = await createDemoDataSource({ dataDir: db.dataDir })
    await other.initialize()
    try {
      await db.dataSource.query('PRAGMA busy_timeout = 50')
      await other.query('BEGIN IMMEDIATE')
      // The other writer lets go when the first attempt has met its lock (not after a fixed time,
      // which a loaded machine could stretch past the helper's retries).
      let released: Promise<unknown> | null = null
      const stop = onTransactionConflict(() => {
        released ??= other.query('COMMIT')
      })
      const result = await lifecycleFor(db.dataSource)
        .suspend(actor, ids, { reason: 'busy file' })
        .finally(stop)
      await released
      expect(result.changed).toHaveLength(10)
    } finally {
      await other.destroy()
    }
    expect(await eventsPerClient(db.dataSource, ids, 'suspended')).toEqual(ids.map(() => 1))
    const stats = transactionStats()
    expect(stats.byCause.busy).toBeGreaterThan(0)
    expect(stats.retries).toBe(stats.byCause.busy)
    expect(stats.conflicts).toBe(0)
  })

  test('any other error is not retried: the work runs once', async () => {
    let runs = 0
    await expect(
      inTransaction(db.dataSource, async () => {
        runs += 1
        throw new InvalidInputError({ reason: 'required' })
      }),
    ).rejects.toBeInstanceOf(InvalidInputError)
    expect(runs).toBe(1)
    expect(transactionStats()).toMatchObject({ transactions: 1, retries: 0, conflicts: 0 })
  })
})

if (process.env.MYSQL_URL) {
  describe('the transaction helper on MariaDB', () => {
    let db: TestDatabase
    let other: mysql.Connection
    beforeAll(async () => {
      db = await createTestDatabase('mysql')
      other = await mysql.createConnection({ uri: db.url })
    })
    afterAll(async () => {
      await other?.end()
      await db?.dispose()
    })
    beforeEach(() => resetTransactionStats())

    // Our own user's threads are visible without the PROCESS privilege: a locking read still running is waiting.
    const lockingReadWaits = async () => {
      const [rows] = await other.query(
        `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
          WHERE ID <> CONNECTION_ID() AND DB = DATABASE() AND COMMAND = 'Query' AND INFO LIKE '%FOR UPDATE%'`,
      )
      return Number((rows as { n: number }[])[0].n) > 0
    }

    test('a deadlock victim bulk suspend runs again and writes exactly one event per client', async () => {
      const ids = await makeClients(db.dataSource, 'DLK', 20)
      // Rows the other transaction changes first, so that InnoDB rolls back the lighter bulk action.
      const weight = await makeClients(db.dataSource, 'WGT', 300)
      const clients = db.dataSource.getMetadata(Client).tableName
      let suspended: ReturnType<ClientLifecycle['suspend']> | undefined
      await other.query('BEGIN')
      try {
        // A primary-key range: a long IN list would scan (and lock) the whole table, the bulk action's rows too.
        await other.query(`UPDATE \`${clients}\` SET statusReason = 'held' WHERE id BETWEEN ? AND ?`, [
          weight[0],
          weight[weight.length - 1],
        ])
        await other.query(`SELECT id FROM \`${clients}\` WHERE id = ? FOR UPDATE`, [ids[ids.length - 1]])
        // The bulk action locks its clients in id order and waits at the last one...
        suspended = lifecycleFor(db.dataSource).suspend(actor, ids, { reason: 'deadlock' })
        suspended.catch(() => undefined)
        await until('the bulk action to wait for the last client', lockingReadWaits)
        // ...while the other transaction asks for the first one: a cycle, and the bulk action is its victim.
        await other.query(`SELECT id FROM \`${clients}\` WHERE id = ? FOR UPDATE`, [ids[0]])
      } finally {
        await other.query('ROLLBACK')
      }
      const result = await suspended
      expect(result.changed).toHaveLength(20)
      expect(await eventsPerClient(db.dataSource, ids, 'suspended')).toEqual(ids.map(() => 1))
      const statuses = await db.dataSource
        .getRepository(Client)
        .find({ select: { status: true }, where: { id: In(ids) } })
      expect(new Set(statuses.map((c) => c.status))).toEqual(new Set(['suspended']))
      const stats = transactionStats()
      expect(stats.byCause.deadlock).toBeGreaterThanOrEqual(1)
      expect(stats.retries).toBeGreaterThanOrEqual(1)
      expect(stats.conflicts).toBe(0)
    })

    test('a lock wait timeout is answered "try again" at once, without waiting the timeout again', async () => {
      const [id] = await makeClients(db.dataSource, 'LWT', 1)
      const clients = db.dataSource.getMetadata(Client).tableName
      await other.query('BEGIN')
      await other.query(`SELECT id FROM \`${clients}\` WHERE id = ? FOR UPDATE`, [id])
      let runs = 0
      try {
        await expect(
          inTransaction(db.dataSource, async (manager) => {
            runs += 1
            await manager.query('SET SESSION innodb_lock_wait_timeout = 1')
            await manager.query(`SELECT id FROM \`${clients}\` WHERE id = ? FOR UPDATE`, [id])
          }),
        ).rejects.toBeInstanceOf(ConcurrentChangeError)
      } finally {
        await other.query('ROLLBACK')
      }
      expect(runs).toBe(1)
      expect(transactionStats()).toMatchObject({ retries: 0, conflicts: 1 })
      expect(transactionStats().byCause.lockWait).toBe(1)
    })
  })
}
