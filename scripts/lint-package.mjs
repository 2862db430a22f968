// `npm run lint:package`: the package as npm ships it, linted by publint and
// @arethetypeswrong/cli (attw). One `npm pack` (its `prepack` builds dist/) for both.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const work = mkdtempSync(path.join(os.tmpdir(), 'adminjs-clients-pack-'))
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', work]))
  const tarball = path.join(work, filename)
  process.stdout.write(run('npx', ['--no-install', 'publint', 'run', tarball, '--strict']))
  // ESM only (`"type": "module"`, `import` condition): CommonJS resolution is not offered.
  process.stdout.write(run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--no-emoji']))
} catch (error) {
  process.stdout.write(error.stdout ?? '')
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
