import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TransactionStats } from '../../src/index.js'
import type { instanceBrowser } from './clientAreaBrowser.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SCRIPT = path.join(root, 'test', 'support', 'appInstance.ts')

/** The load balancer's origin: every instance is told it, every state-changing request names it. */
export const PANEL_ORIGIN = 'http://panel.test'
export const PANEL_PASSWORD = 'test-password-1'

/** The demo's admin logs in to the panel of the instance at `base` with `browser` (its answer: 302 when it worked). */
export const panelLogin = (browser: ReturnType<typeof instanceBrowser>, base: string) =>
  browser.post(base, '/admin/login', { email: 'admin@example.com', password: PANEL_PASSWORD }, PANEL_ORIGIN)
const SESSION_SECRET = 'instance-session-secret-instance-session-secret'

/** An app instance (test/support/appInstance.ts) running in a child process. */
export interface AppInstance {
  name: string
  base: string
  port: number
  child: ChildProcess
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>
  /** The last of what the process printed (stdout and stderr), for a failure message. */
  output(): string
  stats(): Promise<TransactionStats & { pid: number }>
  /** SIGTERM, then SIGKILL after 10 s; resolves with how it ended. */
  stop(): Promise<number | NodeJS.Signals | null>
  /** kill -9, as a crash or an OOM kill would. */
  kill(): Promise<number | NodeJS.Signals | null>
}

/**
 * Starts an instance (its environment: see appInstance.ts; DATABASE_URL or DATA_DIR at least) and
 * waits for its `ready <port>` line, at most `readyMs`; the child is killed if it does not get ready.
 */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  // Seconds on a quiet machine; minutes on a busy one (tsx compiles the app on start).
  readyMs = 300_000,
): Promise<AppInstance> {
  // AdminJS's own temporary folder, one per instance (two processes must not share one).
  const adminTmp = mkdtempSync(path.join(os.tmpdir(), 'adminjs-clients-bundle-'))
  // Node itself with tsx's loader (not the tsx wrapper, which would be a parent process of its
  // own): the child's pid is the instance's, the one its job claims carry and a kill -9 must reach.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      SESSION_SECRET,
      PANEL_ORIGINS: PANEL_ORIGIN,
      DEMO_PASSWORD: PANEL_PASSWORD,
      ADMIN_JS_SKIP_BUNDLE: 'true',
      ADMIN_JS_TMP_DIR: adminTmp,
      ...env,
    },
    // stdin stays open: the instance exits when it closes (this process died).
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(adminTmp, { recursive: true, force: true })
      resolve(signal ?? code)
    }),
  )
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`instance ${name} not ready after ${readyMs} ms:\n${output}`)),
      readyMs,
    )
    child.stdout?.on('data', () => {
      const ready = /^ready (\d+)$/m.exec(output)
      if (ready) {
        clearTimeout(timer)
        resolve(Number(ready[1]))
      }
    })
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`instance ${name} exited (${how}) before it was ready:\n${output}`))
    })
  }).catch(async (error) => {
    child.kill('SIGKILL')
    await exited
    throw error
  })
  const base = `http://127.0.0.1:${port}`
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    name,
    base,
    port,
    child,
    exited,
    output: () => output,
    stats: async () => (await fetch(`${base}/__test/stats`)).json(),
    async stop() {
      if (gone()) return exited
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.kill('SIGTERM')
      const how = await exited
      clearTimeout(kill)
      return how
    },
    async kill() {
      if (!gone()) child.kill('SIGKILL')
      return exited
    },
  }
}

/**
 * Starts instances side by side (`[name, environment]` each), as a deploy does; if one does not
 * get ready, the others are stopped and its error thrown.
 */
export async function startInstances(list: [string, Record<string, string>][]): Promise<AppInstance[]> {
  const started = await Promise.allSettled(list.map(([name, env]) => startInstance(name, env)))
  const failed = started.find((s) => s.status === 'rejected')
  if (!failed) return started.map((s) => (s as PromiseFulfilledResult<AppInstance>).value)
  await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)))
  throw failed.reason
}
