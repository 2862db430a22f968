import type { DataSource, QueryRunner } from 'typeorm'
import {
  LargeRows,
  advisorCodeOf,
  clientNumberOf,
  contractReferenceOf,
  type LargeSizes,
} from './seedLargeRows.js'

export type { LargeSizes } from './seedLargeRows.js'

/** 3 contracts and 10 commissions a client, over 50 advisors. */
export const largeSizes = (clients: number): LargeSizes => ({
  advisors: 50,
  clients,
  contracts: clients * 3,
  commissions: clients * 10,
})

export const LARGE_SIZES: LargeSizes = largeSizes(100_000)

export type Progress = (table: string, done: number, total: number) => void

export interface SeedLargeOptions {
  /** Rows a transaction commits: SQLite writes once per transaction, MariaDB flushes its log once per commit. */
  rowsPerTransaction?: number
}

const isMysql = (dataSource: DataSource) =>
  dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'

/**
 * Appends rows `from`..`total` - 1 of a table in multi-row INSERTs (TypeORM would build an
 * entity per row), the next statement's values made while the database writes the current one.
 * Each transaction's rows are the next in order: a stopped run left a prefix.
 */
async function insertRows(
  runner: QueryRunner,
  table: string,
  columns: string[],
  from: number,
  total: number,
  row: (i: number) => unknown[],
  progress: Progress,
  rowsPerTransaction: number,
): Promise<void> {
  // SQLite binds at most 32,766 values a statement.
  const perStatement = Math.min(2000, rowsPerTransaction, Math.floor(30_000 / columns.length))
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  const build = (start: number) => {
    const count = Math.min(perStatement, total - start)
    const values: unknown[] = []
    for (let i = 0; i < count; i += 1) values.push(...row(start + i))
    return { sql: head + Array(count).fill(placeholders).join(', '), values, count }
  }
  let done = from
  progress(table, done, total)
  let next = done < total ? build(done) : null
  while (next) {
    await runner.startTransaction()
    try {
      let written = 0
      while (next && written < rowsPerTransaction) {
        const running = runner.query(next.sql, next.values)
        const count: number = next.count
        next = done + count < total ? build(done + count) : null
        await running
        done += count
        written += count
      }
      await runner.commitTransaction()
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction()
      throw error
    }
    progress(table, done, total)
  }
}

/**
 * Where a table's part of the set starts and how far it got. The set's rows carry explicit ids
 * from the id before its first row (`base`), written in order: the highest id in its range is
 * how far it got, and that row must be the set's own (else rows came in between: start afresh).
 */
async function resumePoint(
  runner: QueryRunner,
  table: string,
  marker: string,
  markerOf: (index: number) => string,
  markerPattern: RegExp,
  total: number,
): Promise<{ base: number; done: number }> {
  const [first] = await runner.query(`SELECT id FROM ${table} WHERE ${marker} = ?`, [markerOf(0)])
  if (!first) {
    // Rows of a set made by an earlier version (numbered from the ids, not the index) would collide.
    const prefix = markerOf(0).replace(/\d+$|[0-9A-Z]{8}$/, '')
    const [older] = await runner.query(
      `SELECT ${marker} AS marker FROM ${table} WHERE ${marker} LIKE ? LIMIT 1`,
      [`${prefix}%`],
    )
    if (older && markerPattern.test(String(older.marker))) {
      throw new Error(
        `${table}: a large set from an earlier version of seed:large is there; seed a fresh database`,
      )
    }
    const [row] = await runner.query(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`)
    return { base: Number(row.id), done: 0 }
  }
  const base = Number(first.id) - 1
  const [row] = await runner.query(`SELECT MAX(id) AS id FROM ${table} WHERE id > ? AND id <= ?`, [
    base,
    base + total,
  ])
  const done = Number(row.id) - base
  const [last] = await runner.query(`SELECT ${marker} AS marker FROM ${table} WHERE id = ?`, [base + done])
  if (last?.marker !== markerOf(done - 1)) {
    throw new Error(
      `${table}: rows were added after an unfinished large seed (id ${base + done}); seed a fresh database`,
    )
  }
  return { base, done }
}

/**
 * `client_advisors` for the set's clients, a range of ids at a time, each one DELETE and one
 * INSERT … SELECT in a transaction (so a range redone is the same): resumes at the range of the
 * highest client it holds (every client of the set has a referent, so a row).
 */
const DELETED = `CASE WHEN c.status = 'deleted' THEN 1 ELSE 0 END`

async function linkAdvisors(
  runner: QueryRunner,
  clientBase: number,
  clients: number,
  progress: Progress,
): Promise<void> {
  const step = 20_000
  const [row] = await runner.query(
    `SELECT COALESCE(MAX(clientId), 0) AS id FROM client_advisors WHERE clientId > ? AND clientId <= ?`,
    [clientBase, clientBase + clients],
  )
  const reached = Number(row.id) === 0 ? 0 : Number(row.id) - clientBase - 1
  for (let from = Math.floor(reached / step) * step; from < clients; from += step) {
    progress('client_advisors', from, clients)
    const range = [clientBase + from + 1, clientBase + Math.min(clients, from + step)]
    await runner.startTransaction()
    try {
      await runner.query(`DELETE FROM client_advisors WHERE clientId BETWEEN ? AND ?`, range)
      await runner.query(
        `INSERT INTO client_advisors (advisorId, clientId, lastName, clientDeleted)
         SELECT c.advisorId, c.id, c.lastName, ${DELETED} FROM clients c WHERE c.id BETWEEN ? AND ? AND c.advisorId IS NOT NULL
         UNION
         SELECT k.advisorId, k.clientId, c.lastName, ${DELETED} FROM contracts k JOIN clients c ON c.id = k.clientId
          WHERE k.clientId BETWEEN ? AND ? AND k.advisorId IS NOT NULL`,
        [...range, ...range],
      )
      await runner.commitTransaction()
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction()
      throw error
    }
  }
  progress('client_advisors', clients, clients)
}

/**
 * Brings the large data set for benchmarks up to `sizes` (by default 100,000 clients, some named
 * Dupont, Dupond, Jean…, 300,000 contracts and 1,000,000 commissions over 50 advisors and 5
 * years; `largeSizes(1_000_000)` for ten times that), with `client_advisors`. Idempotent: a
 * second run finds everything there and does nothing; a run stopped half-way (Ctrl-C, a crash)
 * continues from its last commit. On MariaDB one session skips the unique and foreign key
 * checks (the rows are made consistent).
 */
export async function seedLarge(
  dataSource: DataSource,
  sizes: LargeSizes = LARGE_SIZES,
  progress: Progress = () => {},
  options: SeedLargeOptions = {},
): Promise<LargeSizes> {
  const perTransaction = options.rowsPerTransaction ?? 20_000
  const runner = dataSource.createQueryRunner()
  await runner.connect()
  try {
    if (isMysql(dataSource)) await runner.query('SET SESSION unique_checks = 0, foreign_key_checks = 0')
    const advisors = await resumePoint(
      runner,
      'advisors',
      'code',
      advisorCodeOf,
      /^LRG\d{4}$/,
      sizes.advisors,
    )
    const clients = await resumePoint(
      runner,
      'clients',
      'clientNumber',
      (i) => clientNumberOf(i + 1),
      /^L[0-9A-Z]{8}$/,
      sizes.clients,
    )
    const contracts = await resumePoint(
      runner,
      'contracts',
      'reference',
      contractReferenceOf,
      /^LRG-\d+$/,
      sizes.contracts,
    )
    const rows = new LargeRows(sizes, {
      advisors: advisors.base,
      clients: clients.base,
      contracts: contracts.base,
    })
    await insertRows(
      runner,
      'advisors',
      LargeRows.advisorColumns,
      advisors.done,
      sizes.advisors,
      (i) => rows.advisor(i),
      progress,
      perTransaction,
    )
    await insertRows(
      runner,
      'clients',
      LargeRows.clientColumns,
      clients.done,
      sizes.clients,
      (i) => rows.client(i),
      progress,
      perTransaction,
    )
    await insertRows(
      runner,
      'contracts',
      LargeRows.contractColumns,
      contracts.done,
      sizes.contracts,
      (i) => rows.contract(i),
      progress,
      perTransaction,
    )
    await linkAdvisors(runner, clients.base, sizes.clients, progress)
    // Commissions have no marker of their own: those of the set's contracts, written in their order.
    const [written] = await runner.query(
      `SELECT COUNT(*) AS n FROM commissions WHERE contractId > ? AND contractId <= ?`,
      [contracts.base, contracts.base + sizes.contracts],
    )
    const commissionsDone = Math.min(sizes.commissions, Number(written.n))
    await insertRows(
      runner,
      'commissions',
      LargeRows.commissionColumns,
      commissionsDone,
      sizes.commissions,
      (i) => rows.commission(i),
      progress,
      perTransaction,
    )
    return sizes
  } finally {
    if (isMysql(dataSource)) await runner.query('SET SESSION unique_checks = 1, foreign_key_checks = 1')
    await runner.release()
  }
}

/** A progress bar on a terminal, a line per tenth elsewhere (CI logs). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now()
  let lastTenth = -1
  let lastTable = ''
  return (table, done, total) => {
    const ratio = total === 0 ? 1 : done / total
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    if (stream.isTTY) {
      const width = 30
      const filled = Math.round(ratio * width)
      stream.write(
        `\r${table.padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${seconds}s   `,
      )
      if (done === total) stream.write('\n')
      return
    }
    const tenth = Math.floor(ratio * 10)
    if (table !== lastTable || tenth !== lastTenth || done === total) {
      lastTable = table
      lastTenth = done === total ? -1 : tenth
      stream.write(`${table}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${seconds}s)\n`)
    }
  }
}
