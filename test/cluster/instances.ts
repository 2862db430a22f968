import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TransactionStats } from '../../src/index.js'

/** The load balancer's origin: every instance is told it, every state-changing request names it. */
export const PANEL_ORIGIN = 'http://panel.test'
export const PANEL_PASSWORD = 'test-password-1'
const SESSION_SECRET = 'cluster-session-secret-cluster-session-secret'
const SCRIPT = path.resolve('test/support/appInstance.ts')

export interface AppInstance {
  name: string
  base: string
  child: ChildProcess
  /** Everything the process printed (stdout and stderr), for a failure message. */
  output(): string
  stats(): Promise<TransactionStats & { pid: number }>
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>
  /** kill -9, as a crash or an OOM kill would. */
  kill(): Promise<void>
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
  })

/** Starts test/support/appInstance.ts in a child process on `databaseUrl`; resolves once it prints `ready <port>`. */
export async function startInstance(
  name: string,
  databaseUrl: string,
  options: { migrate?: boolean; env?: Record<string, string>; readyTimeoutMs?: number } = {},
): Promise<AppInstance> {
  // AdminJS's own temporary folder, one per instance (two processes must not share one).
  const adminTmp = mkdtempSync(path.join(os.tmpdir(), 'adminjs-clients-bundle-'))
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SESSION_SECRET,
      PANEL_ORIGINS: PANEL_ORIGIN,
      DEMO_PASSWORD: PANEL_PASSWORD,
      MIGRATE: options.migrate === false ? '0' : '1',
      ADMIN_JS_SKIP_BUNDLE: 'true',
      ADMIN_JS_TMP_DIR: adminTmp,
      INSTANCE_MAX_MS: '600000',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.once('exit', () => rmSync(adminTmp, { recursive: true, force: true }))
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`instance ${name} not ready after ${options.readyTimeoutMs ?? 120_000} ms:\n${output}`),
        ),
      options.readyTimeoutMs ?? 120_000,
    )
    const check = () => {
      const ready = /^ready (\d+)$/m.exec(output)
      if (ready) {
        clearTimeout(timer)
        resolve(Number(ready[1]))
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`instance ${name} exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  }).catch(async (error) => {
    child.kill('SIGKILL')
    await exited(child)
    throw error
  })
  const base = `http://127.0.0.1:${port}`
  return {
    name,
    base,
    child,
    output: () => output,
    stats: async () => (await fetch(`${base}/__test/stats`)).json(),
    async stop() {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.kill('SIGTERM')
      await exited(child)
      clearTimeout(kill)
    },
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
  }
}

/** An admin's session on an instance, through the panel's HTTP API as a browser would call it. */
export interface PanelSession {
  cookie: string
  /** A bulk action on clients, POSTed as the panel's form; answers the AdminJS response body. */
  bulk(
    instance: AppInstance,
    action: string,
    ids: number[],
    payload?: Record<string, string>,
  ): Promise<{ status: number; body: { notice?: { message: string; type: string } } }>
  get(instance: AppInstance, pathname: string): Promise<Response>
}

export async function logIn(instance: AppInstance, email = 'admin@example.com'): Promise<PanelSession> {
  const res = await fetch(`${instance.base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PANEL_ORIGIN },
    body: new URLSearchParams({ email, password: PANEL_PASSWORD }),
    redirect: 'manual',
  })
  if (res.status !== 302 || res.headers.get('location') !== '/admin') {
    throw new Error(`login on ${instance.name} failed: ${res.status} ${res.headers.get('location') ?? ''}`)
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return sessionFor(cookie)
}

/** The same cookie used on any instance: sessions live in the database, no stickiness needed. */
export function sessionFor(cookie: string): PanelSession {
  return {
    cookie,
    async bulk(instance, action, ids, payload = {}) {
      const res = await fetch(
        `${instance.base}/admin/api/resources/Client/bulk/${action}?recordIds=${ids.join(',')}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: PANEL_ORIGIN,
            Cookie: cookie,
          },
          body: new URLSearchParams(payload),
          redirect: 'manual',
        },
      )
      const text = await res.text()
      let body: { notice?: { message: string; type: string } } = {}
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(
          `${action} on ${instance.name} answered ${res.status} without JSON: ${text.slice(0, 300)}`,
        )
      }
      return { status: res.status, body }
    },
    get: (instance, pathname) =>
      fetch(`${instance.base}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' }),
  }
}
