// Jest's test sequencer (jest.config.js): the longest files first, so that the run does not end
// with one long file alone on a worker while the other waits. Jest's own sequencer orders by the
// durations it cached on an earlier run, and by file size without them, as on a fresh CI machine,
// where the long files are not the large ones. Here a file's duration is jest's cached one, else
// the one recorded in test/support/slowFiles.json (seconds, both databases, from the last full
// run: update it when the slowest files change), else nothing: the files without a duration run
// after, largest first, as jest's own sequencer runs them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sequencer from '@jest/test-sequencer'

// CommonJS: its class is the `default` of its exports.
const Sequencer = sequencer.default ?? sequencer
// The browser suite's files (jest.e2e.config.js) are in test/e2e/slowFiles.json, the same way.
const recorded = {
  ...JSON.parse(readFileSync(new URL('slowFiles.json', import.meta.url), 'utf8')).files,
  ...JSON.parse(readFileSync(new URL('../e2e/slowFiles.json', import.meta.url), 'utf8')).files,
}

export default class SlowestFirst extends Sequencer {
  sort(tests) {
    const durationOf = (test) => {
      const cached = this.time(test)
      if (cached) return cached
      const seconds = recorded[path.relative(test.context.config.rootDir, test.path)]
      return seconds === undefined ? undefined : seconds * 1000
    }
    const sizeOf = (test) => test.context.hasteFS.getSize(test.path) ?? 0
    const keyed = tests.map((test) => ({ test, ms: durationOf(test), size: sizeOf(test) }))
    keyed.sort((a, b) => {
      // As jest's own: a file that failed last time first (from jest's cache; none in CI).
      const failedA = this.hasFailed(a.test)
      if (failedA !== this.hasFailed(b.test)) return failedA ? -1 : 1
      if ((a.ms === undefined) !== (b.ms === undefined)) return a.ms === undefined ? 1 : -1
      if (a.ms !== undefined && a.ms !== b.ms) return b.ms - a.ms
      return b.size - a.size
    })
    return keyed.map(({ test }) => test)
  }
}
