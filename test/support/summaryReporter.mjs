// Prints the ten slowest test files, each with its wall time, its CPU time (the worker's and its
// waited-for children's) and the worker's time queued for a core (test/support/fileCpu.ts: wall
// far above cpu + queued is a file that sleeps), then one plain closing line,
// "jest: N passed, N failed[, N skipped]", that CI reads in any language. With JEST_FILE_TIMES=path, every file's times are written there
// as JSON ({ "files": { "test/x.test.ts": { "wall": s, "cpu": s, "queued": s } } }), the source of
// test/support/slowFiles.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default class SummaryReporter {
  constructor() {
    // The workers are forked after the reporters are made: they inherit it.
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'jest-file-cpu-'))
    process.env.JEST_FILE_CPU_DIR = this.dir
    this.cpu = new Map()
  }

  onTestResult(test) {
    const name = path.join(this.dir, `${Buffer.from(test.path).toString('base64url')}.json`)
    try {
      this.cpu.set(test.path, JSON.parse(readFileSync(name, 'utf8')))
    } catch {
      // No record: the file failed to load, or not on Linux.
    }
  }

  onRunComplete(_contexts, results) {
    rmSync(this.dir, { recursive: true, force: true })
    const all = results.testResults
      .map((r) => ({
        file: path.relative(process.cwd(), r.testFilePath),
        wall: (r.perfStats.end - r.perfStats.start) / 1000,
        cpu: this.cpu.get(r.testFilePath)?.cpuSeconds,
        queued: this.cpu.get(r.testFilePath)?.queuedSeconds ?? undefined,
      }))
      .filter((f) => f.wall > 0)
      .sort((a, b) => b.wall - a.wall)
    const files = all.slice(0, 10)
    const cpuOf = (f) =>
      `${f.cpu === undefined ? '' : `, cpu ${f.cpu.toFixed(0)} s`}${f.queued === undefined ? '' : `, queued ${f.queued.toFixed(0)} s`}`
    if (files.length > 1) {
      process.stdout.write(
        `\nslowest test files (wall, cpu, queued for a core): ${files.map((f) => `${f.file} ${f.wall.toFixed(0)} s${cpuOf(f)}`).join('; ')}\n`,
      )
    }
    if (process.env.JEST_FILE_TIMES) {
      const out = {}
      for (const f of all)
        out[f.file] = {
          wall: Number(f.wall.toFixed(1)),
          cpu: f.cpu ?? null,
          queued: f.queued === undefined ? null : Number(f.queued.toFixed(1)),
        }
      writeFileSync(process.env.JEST_FILE_TIMES, `${JSON.stringify({ files: out }, null, 2)}\n`)
    }
    const skipped = results.numPendingTests + results.numTodoTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    )
  }
}
