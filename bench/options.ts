import type { LargeSizes } from '../demo/seedLarge.js'

/** Every case of the bench, by id; `--cases list,search` runs those whose id starts so. */
export const CASE_IDS = [
  'list',
  'deep',
  'search-dupo',
  'search-jean-dupont',
  'search-number',
  'search-phone',
  'search-domain',
  'search-reference',
  'advisor',
  'custom',
  'client',
  'bulk',
  'import',
  'export',
  'campaign',
  'load-list',
  'load-search',
  'load-client',
  'browser',
] as const
export type CaseId = (typeof CASE_IDS)[number]

export interface BenchOptions {
  /** The data set's size: clients, with 3 contracts and 10 commissions each (default 100,000). */
  sizes: LargeSizes
  /** The sides of the read cases (BENCH_SIDES=ours,floor leaves plain AdminJS out: at 1,000,000 clients its searches take a minute each). */
  sides: ('ours' | 'floor' | 'peer')[]
  /** `--against 100000`: also each read case and the import on that smaller set, interleaved (flat cost). */
  against?: number
  /** Requests per side and case after `warmup` (BENCH_RUNS). */
  runs: number
  warmup: number
  /** Edit requests of the peer's bulk suspend are 1,000 per run: few runs (BENCH_PEER_BULK_RUNS). */
  peerBulkRuns: number
  /** Rows of the import case (BENCH_IMPORT_ROWS). */
  importRows: number
  /** Runs per side of the import and export cases, taken in turn (BENCH_PROCESS_ROUNDS). */
  processRounds: number
  /** Load cases: connections and seconds per side (BENCH_LOAD_CONNECTIONS, BENCH_LOAD_SECONDS). */
  load: { connections: number; seconds: number; slices: number }
  /** Where ours and the peer keep their sessions (BENCH_SESSIONS): `memory`, or `database`, the demo's table, as deployed. */
  sessions: 'memory' | 'database'
  selected: (id: CaseId) => boolean
}

const USAGE = `npm run bench -- [--clients 100000] [--against 100000] [--cases list,search,client,bulk,import,export,campaign,load,browser,…]
cases: ${CASE_IDS.join(', ')} (a prefix selects all that start with it)
env: BENCH_RUNS (30), BENCH_SIDES (ours,floor,peer), BENCH_PEER_BULK_RUNS (3), BENCH_IMPORT_ROWS (100000), BENCH_PROCESS_ROUNDS (3 runs per side of import and export), BENCH_LOAD_SECONDS (20 per side), BENCH_LOAD_CONNECTIONS (32), BENCH_SESSIONS (memory, or database)`

const positive = (text: string | undefined, fallback: number, name: string) => {
  if (text === undefined || text === '') return fallback
  const n = Number(text.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a whole number above 0 (got ${text})\n${USAGE}`)
  return n
}

const SIDES = ['ours', 'floor', 'peer'] as const

function readSessions(text: string | undefined): BenchOptions['sessions'] {
  if (!text || text === 'memory') return 'memory'
  if (text === 'database') return 'database'
  throw new Error(`BENCH_SESSIONS is memory or database (got ${text})\n${USAGE}`)
}

function readSides(text: string | undefined): BenchOptions['sides'] {
  if (!text) return [...SIDES]
  const sides = text.split(',').map((s) => s.trim())
  const unknown = sides.filter((s) => !(SIDES as readonly string[]).includes(s))
  if (unknown.length || !sides.includes('ours'))
    throw new Error(`BENCH_SIDES takes ours (always) and floor or peer (got ${text})\n${USAGE}`)
  return sides as BenchOptions['sides']
}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let clients: string | undefined
  let cases: string | undefined
  let against: string | undefined
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = () => inline ?? argv[++i]
    if (flag === '--clients') clients = value()
    else if (flag === '--cases') cases = value()
    else if (flag === '--against') against = value()
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else throw new Error(`unknown option ${argv[i]}\n${USAGE}`)
  }
  const count = positive(clients, 100_000, '--clients')
  const wanted = (cases ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  const unknown = wanted.filter((w) => !CASE_IDS.some((id) => id.startsWith(w)))
  if (unknown.length) throw new Error(`unknown case ${unknown.join(', ')}\n${USAGE}`)
  return {
    sizes: { advisors: 50, clients: count, contracts: count * 3, commissions: count * 10 },
    sides: readSides(env.BENCH_SIDES),
    against: against === undefined ? undefined : positive(against, 100_000, '--against'),
    runs: positive(env.BENCH_RUNS, 30, 'BENCH_RUNS'),
    warmup: 5,
    peerBulkRuns: positive(env.BENCH_PEER_BULK_RUNS, 3, 'BENCH_PEER_BULK_RUNS'),
    importRows: positive(env.BENCH_IMPORT_ROWS, 100_000, 'BENCH_IMPORT_ROWS'),
    processRounds: positive(env.BENCH_PROCESS_ROUNDS, 3, 'BENCH_PROCESS_ROUNDS'),
    load: {
      connections: positive(env.BENCH_LOAD_CONNECTIONS, 32, 'BENCH_LOAD_CONNECTIONS'),
      seconds: positive(env.BENCH_LOAD_SECONDS, 20, 'BENCH_LOAD_SECONDS'),
      // Each side's time in two slices, taken in turn: ours, peer, ours, peer.
      slices: 2,
    },
    sessions: readSessions(env.BENCH_SESSIONS),
    selected: (id) => wanted.length === 0 || wanted.some((w) => id.startsWith(w)),
  }
}
