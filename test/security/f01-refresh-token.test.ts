// Finding 1 (and 7's stack traces, 13's listening address): the demo as a real process. A
// refresh-token POST by any panel user must not take the process down.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const PASSWORD = 'refresh-test-password'
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

let child: ChildProcess
let base: string
let dataDir: string
let output = ''

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-refresh-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD: PASSWORD,
      DATABASE_URL: '',
      NODE_ENV: '',
      HOST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 90_000
  while (!output.includes('demo ready')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the demo did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}, 120_000)

afterAll(async () => {
  child?.kill('SIGTERM')
  await new Promise((resolve) => (child?.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
  await rm(dataDir, { recursive: true, force: true })
})

async function login(email: string): Promise<string> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, password: PASSWORD }),
  })
  expect(res.status).toBe(302)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]
}

test('POST /admin/refresh-token by support answers, and the process keeps answering', async () => {
  const cookie = await login('support@example.com')
  const refresh = await fetch(`${base}/admin/refresh-token`, {
    method: 'POST',
    headers: { cookie, origin: base },
  })
  expect(refresh.status).toBeLessThan(500)
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(child.exitCode).toBeNull()
  const list = await fetch(`${base}/admin/api/resources/Client/actions/list`, { headers: { cookie } })
  expect(list.status).toBe(200)
})

test('errors answer without a stack trace (NODE_ENV unset)', async () => {
  const cookie = await login('admin@example.com')
  const answers = await Promise.all([
    fetch(`${base}/admin/api/resources/Nope/actions/list`, { headers: { cookie } }),
    fetch(`${base}/admin/api/resources/Client/records/1/suspend`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/json' },
      body: '{"reason":',
    }),
    fetch(`${base}/account/nope`),
  ])
  for (const res of answers) {
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    const text = await res.text()
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|node_modules|Error:/)
  }
})

test('the demo listens on 127.0.0.1 unless HOST says otherwise', () => {
  expect(output).toContain('Listening: 127.0.0.1:')
})
