import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** An app instance running in a child process (test/support/instanceProcess.ts). */
export interface SpawnedInstance {
  child: ChildProcess
  port: number
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>
  /** Everything it wrote on stderr so far (for a failing test's message). */
  stderr: () => string
}

/**
 * Starts an instance (its environment: see instanceProcess.ts) and waits for its `ready <port>`
 * line, at most `readyMs`. The child is killed if it does not get ready.
 */
export async function spawnInstance(env: Record<string, string>, readyMs = 60_000): Promise<SpawnedInstance> {
  // Node itself with tsx's loader (not the tsx wrapper, which would be a parent process of its
  // own): the child's pid is the instance's, the one its claims carry and a kill -9 must reach.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test', 'support', 'instanceProcess.ts')],
    { cwd: root, env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-20_000)
  })
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`instance not ready after ${readyMs} ms:\n${err}`))
    }, readyMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const ready = /ready (\d+)/.exec(out)
      if (ready) {
        clearTimeout(timer)
        resolve(Number(ready[1]))
      }
    })
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`instance exited (${how}) before it was ready:\n${err}`))
    })
  })
  return { child, port, exited, stderr: () => err }
}
