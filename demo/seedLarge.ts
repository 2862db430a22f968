import { fakerFR as faker } from '@faker-js/faker'
import type { DataSource } from 'typeorm'
import { searchColumnsFor } from '../src/shared/searchText.js'

export interface LargeSizes {
  advisors: number
  clients: number
  contracts: number
  commissions: number
}

export const LARGE_SIZES: LargeSizes = {
  advisors: 50,
  clients: 100_000,
  contracts: 300_000,
  commissions: 1_000_000,
}

export type Progress = (table: string, done: number, total: number) => void

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** `L` + 8 Crockford characters from a counter: unique without a lookup (demo numbers start with C). */
const clientNumberOf = (n: number) => {
  let out = ''
  for (let i = 0; i < 8; i += 1) {
    out = CROCKFORD[n % 32] + out
    n = Math.floor(n / 32)
  }
  return `L${out}`
}

const sqlDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')

function pick<T>(weighted: [T, number][]): T {
  let r = Math.random()
  for (const [value, weight] of weighted) {
    r -= weight
    if (r <= 0) return value
  }
  return weighted[weighted.length - 1][0]
}

/**
 * Multi-row INSERTs by raw SQL (TypeORM would build an entity per row), `rowsPerStatement` at a
 * time, many statements per transaction: SQLite writes once per transaction, MariaDB flushes its
 * log once per commit.
 */
async function insertAll(
  dataSource: DataSource,
  table: string,
  columns: string[],
  total: number,
  row: (i: number) => unknown[],
  progress: Progress,
  rowsPerStatement = 1000,
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  const statementsPerTransaction = 20
  let done = 0
  while (done < total) {
    const runner = dataSource.createQueryRunner()
    await runner.connect()
    await runner.startTransaction()
    try {
      for (let s = 0; s < statementsPerTransaction && done < total; s += 1) {
        const count = Math.min(rowsPerStatement, total - done)
        const values: unknown[] = []
        for (let i = 0; i < count; i += 1) values.push(...row(done + i))
        await runner.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(placeholders).join(', ')}`,
          values,
        )
        done += count
      }
      await runner.commitTransaction()
    } catch (error) {
      await runner.rollbackTransaction()
      throw error
    } finally {
      await runner.release()
    }
    progress(table, done, total)
  }
}

async function maxId(dataSource: DataSource, table: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`)
  return Number(row.id)
}

/**
 * Adds a company's worth of data for benchmarks: by default 100,000 clients (some named Dupont,
 * Dupond, Jean…, as in real life), 300,000 contracts and 1,000,000 commissions, spread over 50
 * advisors and 5 years. Rows are appended after those already there.
 */
export async function seedLarge(
  dataSource: DataSource,
  sizes: LargeSizes = LARGE_SIZES,
  progress: Progress = () => {},
): Promise<LargeSizes> {
  faker.seed(100_000)
  const now = Date.now()
  const year = 365 * 24 * 3600_000

  const advisorBase = await maxId(dataSource, 'advisors')
  await insertAll(
    dataSource,
    'advisors',
    ['code', 'lastName', 'firstName', 'email', 'active', 'createdAt', 'updatedAt'],
    sizes.advisors,
    (i) => [
      `LRG${String(advisorBase + i + 1).padStart(4, '0')}`,
      faker.person.lastName(),
      faker.person.firstName(),
      `advisor${advisorBase + i + 1}@cabinet-large.fr`,
      1,
      sqlDate(new Date(now - 5 * year)),
      sqlDate(new Date(now - 5 * year)),
    ],
    progress,
  )
  const advisorIds = Array.from({ length: sizes.advisors }, (_, i) => advisorBase + i + 1)

  const clientBase = await maxId(dataSource, 'clients')
  const clientAdvisor: number[] = []
  await insertAll(
    dataSource,
    'clients',
    [
      'clientNumber',
      'lastName',
      'firstName',
      'email',
      'phone',
      'postalCode',
      'city',
      'country',
      'locale',
      'status',
      'balance',
      'advisorId',
      'createdAt',
      'updatedAt',
      'version',
      'searchName',
      'searchNameReversed',
      'searchNameTail',
    ],
    sizes.clients,
    (i) => {
      const n = clientBase + i + 1
      const lastName =
        i % 500 === 0
          ? pick([
              ['Dupont', 0.6],
              ['Dupond', 0.4],
            ])
          : faker.person.lastName()
      const firstName = i % 7 === 0 ? 'Jean' : faker.person.firstName()
      const status = pick([
        ['active', 0.8],
        ['pending', 0.08],
        ['suspended', 0.05],
        ['banned', 0.02],
        ['deleted', 0.05],
      ])
      const advisorId = advisorIds[Math.floor(Math.random() * advisorIds.length)]
      clientAdvisor[i] = advisorId
      const created = sqlDate(new Date(now - Math.random() * 5 * year))
      const search = searchColumnsFor(lastName, firstName)
      return [
        clientNumberOf(n),
        lastName,
        firstName,
        `${faker.helpers.slugify(`${firstName}.${lastName}`).toLowerCase()}.${n}@example.fr`,
        faker.phone.number(),
        faker.location.zipCode(),
        faker.location.city(),
        'FR',
        'fr',
        status,
        '0.00',
        advisorId,
        created,
        created,
        1,
        search.searchName,
        search.searchNameReversed,
        search.searchNameTail,
      ]
    },
    progress,
  )

  const products = [
    'Assurance vie',
    'PER individuel',
    'Prévoyance',
    'Mutuelle santé',
    'SCPI',
    'Compte-titres',
  ]
  const contractBase = await maxId(dataSource, 'contracts')
  const contractClient: number[] = []
  const contractAdvisor: number[] = []
  await insertAll(
    dataSource,
    'contracts',
    [
      'reference',
      'clientId',
      'advisorId',
      'product',
      'status',
      'startDate',
      'premium',
      'createdAt',
      'updatedAt',
    ],
    sizes.contracts,
    (i) => {
      const clientIndex = i < sizes.clients ? i : Math.floor(Math.random() * sizes.clients)
      const advisorId =
        Math.random() < 0.8
          ? clientAdvisor[clientIndex]
          : advisorIds[Math.floor(Math.random() * advisorIds.length)]
      contractClient[i] = clientBase + clientIndex + 1
      contractAdvisor[i] = advisorId
      const start = new Date(now - Math.random() * 5 * year)
      return [
        `LRG-${contractBase + i + 1}`,
        clientBase + clientIndex + 1,
        advisorId,
        products[i % products.length],
        pick([
          ['active', 0.75],
          ['suspended', 0.1],
          ['terminated', 0.15],
        ]),
        start.toISOString().slice(0, 10),
        (50 + Math.random() * 2000).toFixed(2),
        sqlDate(start),
        sqlDate(start),
      ]
    },
    progress,
  )

  await insertAll(
    dataSource,
    'commissions',
    ['contractId', 'clientId', 'advisorId', 'amount', 'rate', 'period', 'status', 'createdAt'],
    sizes.commissions,
    (i) => {
      const c = i % sizes.contracts
      const period = new Date(now - Math.floor(Math.random() * 60) * 30 * 24 * 3600_000)
      period.setUTCDate(1)
      return [
        contractBase + c + 1,
        contractClient[c],
        contractAdvisor[c],
        (5 + Math.random() * 300).toFixed(2),
        (0.5 + Math.random() * 4).toFixed(4),
        period.toISOString().slice(0, 10),
        pick([
          ['paid', 0.7],
          ['pending', 0.25],
          ['cancelled', 0.05],
        ]),
        sqlDate(period),
      ]
    },
    progress,
  )
  return sizes
}

/** A progress bar on a terminal, a line per tenth elsewhere (CI logs). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now()
  let lastTenth = -1
  return (table, done, total) => {
    const ratio = total === 0 ? 1 : done / total
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    if (stream.isTTY) {
      const width = 30
      const filled = Math.round(ratio * width)
      stream.write(
        `\r${table.padEnd(12)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${seconds}s   `,
      )
      if (done === total) stream.write('\n')
      return
    }
    const tenth = Math.floor(ratio * 10)
    if (tenth !== lastTenth || done === total) {
      lastTenth = done === total ? -1 : tenth
      stream.write(`${table}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${seconds}s)\n`)
    }
  }
}
