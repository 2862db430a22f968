import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseDatabaseNodes } from '../src/index.js'

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
}

export function readDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`)
  const trust = env.TRUST_PROXY
  if (env.DATABASE_URL) {
    try {
      parseDatabaseNodes(env.DATABASE_URL)
    } catch (error) {
      throw new Error(`DATABASE_URL: ${(error as Error).message}`)
    }
  }
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
    outboxWorker: env.OUTBOX_WORKER === 'separate' ? 'separate' : 'in-process',
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
