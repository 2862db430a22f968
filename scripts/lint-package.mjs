// `npm run lint:package`: the package as npm ships it, linted by publint and
// @arethetypeswrong/cli (attw). One `npm pack` (its `prepack` builds dist/) for both. Then the
// public API: the names dist/index.d.ts exports must be those of test/publicApi.exports.txt.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { publicApiNames } from './publicApiNames.mjs'

const RECORDED = 'test/publicApi.exports.txt'

const work = mkdtempSync(path.join(os.tmpdir(), 'adminjs-clients-pack-'))
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', work]))
  const tarball = path.join(work, filename)
  process.stdout.write(run('npx', ['--no-install', 'publint', 'run', tarball, '--strict']))
  // ESM only (`"type": "module"`, `import` condition): CommonJS resolution is not offered.
  process.stdout.write(run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--no-emoji']))
  checkPublicApi()
} catch (error) {
  process.stdout.write(error.stdout ?? '')
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** The public API as built against its recorded list: any name added, removed or turned type-only fails. */
function checkPublicApi() {
  const built = publicApiNames('dist/index.d.ts')
  const recorded = readFileSync(RECORDED, 'utf8').split('\n').filter(Boolean)
  const added = built.filter((line) => !recorded.includes(line))
  const removed = recorded.filter((line) => !built.includes(line))
  if (added.length === 0 && removed.length === 0) {
    process.stdout.write(`Public API: ${built.length} names, as recorded in ${RECORDED}.\n`)
    return
  }
  process.stdout.write(
    `Public API differs from ${RECORDED} (update it, and the CHANGELOG, if the change is meant):\n` +
      added.map((line) => `  + ${line}\n`).join('') +
      removed.map((line) => `  - ${line}\n`).join(''),
  )
  process.exitCode = 1
}
