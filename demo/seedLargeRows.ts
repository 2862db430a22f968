// The French faker alone (fr, then en, then base), the very object the package's index exports as
// fakerFR: the index loads every locale's data too (188 ms of CPU in a jest file, against 35 ms).
import { faker } from '@faker-js/faker/locale/fr'
import { contactSearchColumns, searchColumnsFor } from '../src/shared/searchText.js'

/** The numbers of rows of the large data set. */
export interface LargeSizes {
  advisors: number
  clients: number
  contracts: number
  commissions: number
}

/**
 * The rows of the large data set, each a pure function of its index (and the sizes): a run that
 * stopped half-way continues with exactly the rows it would have written, without reading back
 * what is there. Names and places come from pools faker fills once; the rest from a small
 * PRNG seeded by the row's index (faker per row would cost more than the INSERT).
 */

/** mulberry32, seeded by a salt and the row's index: a few draws per row. */
function rngOf(salt: number, index: number): () => number {
  let a = (Math.imul(index + 1, 0x9e3779b1) ^ salt) >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SALT = { client: 0x1c1e, referent: 0x2efe, contract: 0x3c07, commission: 0x4c0a, advisor: 0x5ad7 }

function pick<T>(r: number, weighted: [T, number][]): T {
  for (const [value, weight] of weighted) {
    r -= weight
    if (r <= 0) return value
  }
  return weighted[weighted.length - 1][0]
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** `L` + 8 Crockford characters from the row's number: unique, in the order of the rows (demo numbers start with C). */
export const clientNumberOf = (n: number) => {
  let out = ''
  for (let i = 0; i < 8; i += 1) {
    out = CROCKFORD[n % 32] + out
    n = Math.floor(n / 32)
  }
  return `L${out}`
}
export const advisorCodeOf = (index: number) => `LRG${String(index + 1).padStart(4, '0')}`
export const contractReferenceOf = (index: number) => `LRG-${String(index + 1).padStart(9, '0')}`

/** Email domains of the set's clients: one in 50 at the bench's `@acme.fr`, the rest common. */
const DOMAINS = [...Array(49).fill('example.fr'), 'acme.fr']

const sqlDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')
const YEAR = 365 * 24 * 3600_000

interface Pools {
  lastNames: string[]
  firstNames: string[]
  slugs: Map<string, string>
  places: { zip: string; city: string }[]
}

let pools: Pools | null = null
function poolsOf(): Pools {
  if (pools) return pools
  faker.seed(100_000)
  const lastNames = [...new Set(Array.from({ length: 4000 }, () => faker.person.lastName()))]
  const firstNames = [...new Set(Array.from({ length: 2000 }, () => faker.person.firstName()))]
  const slugs = new Map(
    [...lastNames, ...firstNames, 'Dupont', 'Dupond', 'Jean'].map((n) => [
      n,
      faker.helpers.slugify(n).toLowerCase(),
    ]),
  )
  const places = Array.from({ length: 500 }, () => ({
    zip: faker.location.zipCode(),
    city: faker.location.city(),
  }))
  pools = { lastNames, firstNames, slugs, places }
  return pools
}

/** The row's own draws, as the writer asks for them, from one time (fixed per run). */
export class LargeRows {
  private readonly pools = poolsOf()
  private readonly now = Date.now()

  constructor(
    private readonly sizes: LargeSizes,
    /** The ids of the set's first row less one: rows are written with ids base + index + 1. */
    private readonly bases: { advisors: number; clients: number; contracts: number },
  ) {}

  static readonly advisorColumns = [
    'id',
    'code',
    'lastName',
    'firstName',
    'email',
    'active',
    'createdAt',
    'updatedAt',
  ]

  advisor(i: number): unknown[] {
    const r = rngOf(SALT.advisor, i)
    const lastName = this.pools.lastNames[Math.floor(r() * this.pools.lastNames.length)]
    const firstName = this.pools.firstNames[Math.floor(r() * this.pools.firstNames.length)]
    const created = sqlDate(new Date(this.now - 5 * YEAR))
    return [
      this.bases.advisors + i + 1,
      advisorCodeOf(i),
      lastName,
      firstName,
      `advisor${i + 1}@cabinet-large.fr`,
      1,
      created,
      created,
    ]
  }

  /** A client's referent advisor (an index among the set's advisors). */
  private referentOf(client: number): number {
    return Math.floor(rngOf(SALT.referent, client)() * this.sizes.advisors)
  }

  static readonly clientColumns = [
    'id',
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
    'searchPhone',
    'searchEmailDomain',
  ]

  client(i: number): unknown[] {
    const r = rngOf(SALT.client, i)
    const { lastNames, firstNames, slugs, places } = this.pools
    // Some Dupont, Dupond and Jean, as in real life (the bench searches them).
    const lastName =
      i % 500 === 0 ? (r() < 0.6 ? 'Dupont' : 'Dupond') : lastNames[Math.floor(r() * lastNames.length)]
    const firstName = i % 7 === 0 ? 'Jean' : firstNames[Math.floor(r() * firstNames.length)]
    const status = pick(r(), [
      ['active', 0.8],
      ['pending', 0.08],
      ['suspended', 0.05],
      ['banned', 0.02],
      ['deleted', 0.05],
    ])
    const place = places[Math.floor(r() * places.length)]
    const phone = `0${r() < 0.5 ? 6 : 7} ${Array.from({ length: 4 }, () => String(Math.floor(r() * 100)).padStart(2, '0')).join(' ')}`
    const created = sqlDate(new Date(this.now - r() * 5 * YEAR))
    const search = searchColumnsFor(lastName, firstName)
    const email = `${slugs.get(firstName)}.${slugs.get(lastName)}.${i + 1}@${DOMAINS[i % DOMAINS.length]}`
    const contact = contactSearchColumns(phone, 'FR', email)
    return [
      this.bases.clients + i + 1,
      clientNumberOf(i + 1),
      lastName,
      firstName,
      email,
      phone,
      place.zip,
      place.city,
      'FR',
      'fr',
      status,
      '0.00',
      this.bases.advisors + this.referentOf(i) + 1,
      created,
      created,
      1,
      search.searchName,
      search.searchNameReversed,
      search.searchNameTail,
      contact.searchPhone,
      contact.searchEmailDomain,
    ]
  }

  /**
   * A contract's client (each client gets its share, in order: the contracts' and commissions'
   * client indexes grow with their ids, as the rows of a real book mostly do) and advisor (the
   * client's referent four times in five).
   */
  private contractOf(k: number): { client: number; advisor: number; r: () => number } {
    const client = Math.floor((k * this.sizes.clients) / this.sizes.contracts)
    const r = rngOf(SALT.contract, k)
    const advisor = r() < 0.8 ? this.referentOf(client) : Math.floor(r() * this.sizes.advisors)
    return { client, advisor, r }
  }

  static readonly contractColumns = [
    'id',
    'reference',
    'clientId',
    'advisorId',
    'product',
    'status',
    'startDate',
    'premium',
    'createdAt',
    'updatedAt',
  ]

  private static readonly products = [
    'Assurance vie',
    'PER individuel',
    'Prévoyance',
    'Mutuelle santé',
    'SCPI',
    'Compte-titres',
  ]

  contract(k: number): unknown[] {
    const { client, advisor, r } = this.contractOf(k)
    const start = new Date(this.now - r() * 5 * YEAR)
    return [
      this.bases.contracts + k + 1,
      contractReferenceOf(k),
      this.bases.clients + client + 1,
      this.bases.advisors + advisor + 1,
      LargeRows.products[k % LargeRows.products.length],
      pick(r(), [
        ['active', 0.75],
        ['suspended', 0.1],
        ['terminated', 0.15],
      ]),
      start.toISOString().slice(0, 10),
      (50 + r() * 2000).toFixed(2),
      sqlDate(start),
      sqlDate(start),
    ]
  }

  static readonly commissionColumns = [
    'contractId',
    'clientId',
    'advisorId',
    'amount',
    'rate',
    'period',
    'status',
    'createdAt',
  ]

  /** Commissions follow their contracts in order (a contract's are written together). */
  contractOfCommission(m: number): number {
    return Math.floor((m * this.sizes.contracts) / this.sizes.commissions)
  }

  commission(m: number): unknown[] {
    const k = this.contractOfCommission(m)
    const { client, advisor } = this.contractOf(k)
    const r = rngOf(SALT.commission, m)
    const period = new Date(this.now - Math.floor(r() * 60) * 30 * 24 * 3600_000)
    period.setUTCDate(1)
    return [
      this.bases.contracts + k + 1,
      this.bases.clients + client + 1,
      this.bases.advisors + advisor + 1,
      (5 + r() * 300).toFixed(2),
      (0.5 + r() * 4).toFixed(4),
      period.toISOString().slice(0, 10),
      pick(r(), [
        ['paid', 0.7],
        ['pending', 0.25],
        ['cancelled', 0.05],
      ]),
      sqlDate(period),
    ]
  }
}
