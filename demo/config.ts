import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseDatabaseNodes, type ImportJobOptionsInput, type OutboxOptions } from '../src/index.js'
import { readWorkerEnv } from './workerEnv.js'

export interface DemoConfig {
  port: number
  /** The interface to listen on: 127.0.0.1 unless HOST says otherwise (0.0.0.0 for every one). */
  host: string
  /** TRUST_PROXY: Express's `trust proxy` (a hop count, `true`, or addresses); unset: none. */
  trustProxy?: boolean | number | string
  dataDir: string
  /** DATABASE_URL: one server, or the nodes of a Galera cluster (`mysql://u:p@host1,host2,host3/db`). */
  databaseUrl?: string
  smtpUrl?: string
  demoPassword: string
  stripeSecretKey?: string
  stripeApiUrl?: string
  /** OUTBOX_WORKER=separate: the demo only queues emails; `npm run worker` sends them. */
  outboxWorker: 'in-process' | 'separate'
  /** The plugin's `outbox` option from OUTBOX_* (see demo/workerEnv.ts); unset ones are the plugin's defaults. */
  outbox: Partial<OutboxOptions>
  /** The plugin's `jobs` option from IMPORT_*. */
  jobs: ImportJobOptionsInput
}

/** The demo's environment is wrong: every problem, one a line. */
export class DemoConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The demo's environment is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'DemoConfigError'
  }
}

/** Reads the environment; throws a DemoConfigError naming every wrong variable at once. */
export function readDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const port = Number(env.PORT ?? 3000)
  const { outbox, jobs, problems } = readWorkerEnv(env)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.unshift(`PORT must be a port number, got ${env.PORT}`)
  if (env.DATABASE_URL) {
    try {
      parseDatabaseNodes(env.DATABASE_URL)
    } catch (error) {
      problems.push(`DATABASE_URL: ${(error as Error).message}`)
    }
  }
  if (problems.length > 0) throw new DemoConfigError(problems)
  const trust = env.TRUST_PROXY
  return {
    port,
    host: env.HOST || '127.0.0.1',
    trustProxy:
      trust === undefined || trust === ''
        ? undefined
        : trust === 'true'
          ? true
          : /^\d+$/.test(trust)
            ? Number(trust)
            : trust,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    demoPassword: env.DEMO_PASSWORD || 'changeme',
    stripeSecretKey: env.STRIPE_SECRET_KEY || undefined,
    stripeApiUrl: env.STRIPE_API_URL || undefined,
    outboxWorker: outbox.worker ?? 'in-process',
    outbox,
    jobs,
  }
}

/** `readDemoConfig()` for a command: a wrong environment prints its problems and exits with 1. */
export function demoConfigOrExit(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  try {
    return readDemoConfig(env)
  } catch (error) {
    if (!(error instanceof DemoConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

/** SESSION_SECRET, or one made on first start and kept in the data folder (sessions survive restarts). */
export async function sessionSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  const file = path.join(dataDir, 'session-secret')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    await mkdir(dataDir, { recursive: true })
    await writeFile(file, secret, { mode: 0o600 })
    return secret
  }
}
