import { spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Issue 25, graceful shutdown (demo/processGuards.ts, used by demo/server.ts and demo/worker.ts):
// SIGTERM stops taking connections, ends idle keep-alive ones at once, lets the request in flight
// finish (told `Connection: close`), then closes and exits 0, well before any timeout.
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'gracefulServer.ts')

const get = (agent: http.Agent, port: number, pathname: string) =>
  new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
        )
      })
      .on('error', reject)
  })

test('SIGTERM: no new connection, the request in flight finished, idle keep-alive ended, exit 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${output}`)), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const ready = /ready (\d+)/.exec(output)
      if (ready) {
        clearTimeout(timer)
        resolve(Number(ready[1]))
      }
    })
  })
  const idle = new http.Agent({ keepAlive: true })
  const busy = new http.Agent({ keepAlive: true })
  try {
    // One keep-alive connection left idle, one carrying a slow request when the signal comes.
    expect((await get(idle, port, '/')).body).toBe('ok')
    await get(busy, port, '/')
    const slow = get(busy, port, '/slow')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const signalled = Date.now()
    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const refused = await get(new http.Agent(), port, '/').then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    )
    expect(refused).toBe('ECONNREFUSED')
    expect(await slow).toEqual({ status: 200, body: 'done', connection: 'close' })
    expect(await exited).toBe(0)
    expect(output).toContain('closed')
    // The idle keep-alive connection (60 s) did not hold the shutdown.
    expect(Date.now() - signalled).toBeLessThan(5000)
  } finally {
    idle.destroy()
    busy.destroy()
    child.kill('SIGKILL')
  }
}, 90_000)
