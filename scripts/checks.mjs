// `npm test`'s static checks, two at a time (each is one process on one core; CI has two), the
// longest first: eslint, tsc, prettier, the layers, the package and knip. Each one's output is
// printed whole when it ends, with its time; any failure fails the run, after all have ended.
// The caches live in node_modules/.cache, and none can hide a change:
// - tsc: `--incremental` (TypeScript's own record of what each file's check depends on);
// - prettier: `--cache` (a file's formatting depends on that file and the options alone);
// - eslint: `--cache` in a folder named after a hash of src/, demo/ and what their types come
//   from (tsconfig.json, package-lock.json, eslint.config.js): the type-aware rules on src/ and
//   demo/ read other files' types, so any change there starts a fresh cache, while a change
//   elsewhere (tests, scripts) re-lints only the files changed.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const CACHE = 'node_modules/.cache'

function typesKey() {
  const hash = createHash('sha256')
  const add = (file) => hash.update(`${file}\0`).update(readFileSync(file)).update('\0')
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else add(file)
    }
  }
  walk('src')
  walk('demo')
  for (const file of ['tsconfig.json', 'package-lock.json', 'eslint.config.js']) add(file)
  return hash.digest('hex').slice(0, 16)
}

const eslintKey = typesKey()
// The caches of other sources' keys: stale for good.
if (existsSync(`${CACHE}/eslint`))
  for (const old of readdirSync(`${CACHE}/eslint`))
    if (old !== eslintKey) rmSync(path.join(CACHE, 'eslint', old), { recursive: true, force: true })
const checks = [
  [
    'eslint',
    'eslint',
    ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint/${eslintKey}/`],
  ],
  ['tsc', 'tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsc/noEmit.tsbuildinfo`]],
  ['prettier', 'prettier', ['--check', '.', '--cache', '--cache-location', `${CACHE}/prettier/cache.json`]],
  ['layers', 'npm', ['run', '--silent', 'lint:layers']],
  ['package', 'npm', ['run', '--silent', 'lint:package']],
  ['knip', 'knip', ['--no-progress']],
]

const bin = (name) => (name === 'npm' ? 'npm' : path.join('node_modules', '.bin', name))

function run([name, command, args]) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(bin(command), args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => (output += `${error.message}\n`))
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const ok = code === 0
      process.stdout.write(
        `\n== ${name} (${[command, ...args].join(' ')}): ${ok ? 'ok' : `failed (${code})`}, ${seconds} s\n${output}`,
      )
      resolve({ name, ok, seconds })
    })
  })
}

const queue = [...checks]
const results = []
const lane = async () => {
  for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check))
}
const started = Date.now()
await Promise.all([lane(), lane()])
const failed = results.filter((r) => !r.ok).map((r) => r.name)
process.stdout.write(
  `\nchecks: ${results.map((r) => `${r.name} ${r.seconds} s`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s in all${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}\n`,
)
if (failed.length > 0) process.exitCode = 1
