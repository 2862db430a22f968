// `npm run lint:package`: the package as npm ships it, linted by publint and
// @arethetypeswrong/cli (attw). The tarball is scripts/packPlugin.ts's: one `npm pack` (its `prepack`
// builds dist/) for both, and for the tests that install it (test/package.test.ts, the host-app bed).
import { execFileSync } from 'node:child_process'
import { packedPlugin } from './packPlugin.js'

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
try {
  const started = Date.now()
  const { tarball, packed } = await packedPlugin()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${packed ? 'packed' : 'already packed'}: ${tarball} (${seconds} s)\n`)
  process.stdout.write(run('npx', ['--no-install', 'publint', 'run', tarball, '--strict']))
  // ESM only (`"type": "module"`, `import` condition): CommonJS resolution is not offered.
  process.stdout.write(run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--no-emoji']))
} catch (error) {
  process.stdout.write((error as { stdout?: string }).stdout ?? '')
  process.stderr.write(`${(error as Error).message}\n`)
  process.exitCode = 1
}
