// Jest's setupFilesAfterEnv (jest.config.js): a test file's CPU time, recorded for
// test/support/summaryReporter.mjs. It reads the worker's /proc/self/stat around the file: the
// worker's own user and system time plus those of the child processes it has waited for (app
// instances, workers, npm), so a file that waits (sleeps, leases, probes) shows a CPU time well
// under its wall time, and a file that computes (argon2, bundling) one close to it. What other
// processes do for it (MariaDB, Chromium) is not counted. On a loaded machine a file also waits for
// a core: the worker's own time spent ready to run but queued (/proc/self/schedstat) is recorded
// too, so that wall - cpu - queued is the time it slept (sleeps, leases, probes, other processes).
// Linux only: elsewhere nothing is written.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const TICKS_PER_SECOND = 100

function cpuTicks(): number | null {
  try {
    // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are 14 to 17.
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
  } catch {
    return null
  }
}

/** Seconds this process's main thread has been runnable but waiting for a core. */
function queuedSeconds(): number | null {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e9
  } catch {
    return null
  }
}

const dir = process.env.JEST_FILE_CPU_DIR
const started = cpuTicks()
const queuedAtStart = queuedSeconds()

afterAll(() => {
  const ended = cpuTicks()
  if (!dir || started === null || ended === null) return
  const file = expect.getState().testPath ?? ''
  const name = path.join(dir, `${Buffer.from(file).toString('base64url')}.json`)
  const queued = queuedSeconds()
  writeFileSync(
    name,
    JSON.stringify({
      cpuSeconds: (ended - started) / TICKS_PER_SECOND,
      queuedSeconds: queued === null || queuedAtStart === null ? null : queued - queuedAtStart,
    }),
  )
})
