// `npm run lint:package`: the package as npm ships it, linted by publint and
// @arethetypeswrong/cli (attw). The tarball is scripts/packPlugin.ts's: one `npm pack` (its `prepack`
// builds dist/) for both, and for the tests that install it (test/package.test.ts, the host-app bed).
// Then the public API: the names the packed dist/index.d.ts exports must be those of
// test/publicApi.exports.txt.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { packedPlugin } from './packPlugin.js'
import { publicApiNames } from './publicApiNames.mjs'

const RECORDED = 'test/publicApi.exports.txt'

/** The public API as packed against its recorded list: any name added, removed or turned type-only fails. */
function checkPublicApi(tarball: string) {
  // Unpacked inside the project, so the declarations' imports of adminjs, typeorm… resolve.
  const unpacked = path.join(path.dirname(tarball), `${path.basename(tarball, '.tgz')}-unpacked`)
  rmSync(unpacked, { recursive: true, force: true })
  mkdirSync(unpacked, { recursive: true })
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked])
    const built = publicApiNames(path.join(unpacked, 'package/dist/index.d.ts'))
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
  } finally {
    rmSync(unpacked, { recursive: true, force: true })
  }
}

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
  checkPublicApi(tarball)
} catch (error) {
  process.stdout.write((error as { stdout?: string }).stdout ?? '')
  process.stderr.write(`${(error as Error).message}\n`)
  process.exitCode = 1
}
