// `npm run bench:login`: what a login costs and whether its time tells anything. Medians of
// alternated calls of `clients.accounts.authenticate` on embedded SQLite, with the default
// hashing (argon2id, 64 MiB, 4 passes): an unknown email, a wrong password (argon2id, PHP bcrypt,
// no password at all), the right one, and a first login on a PHP $2y$ hash (verified, then
// rehashed to argon2id). Every refusal should cost the same: ratios near 1.00.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createDemoDataSource, prepareSchema } from '../demo/dataSource.js'
import { Client, createClientManagement } from '../src/index.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const PASSWORD = 'correct horse battery staple'
// Made by PHP 8.2's password_hash(PASSWORD) (test/fixtures/php-password-hashes.json).
const PHP_BCRYPT = '$2y$10$.WEa/qgp1EyaZhiw1N2SreobZA/a4qk89PyNF7HKq4u1SXIFsdkma'

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-login-'))
const dataSource = await createDemoDataSource({ dataDir })
await dataSource.initialize()
await prepareSchema(dataSource)
const clients = createClientManagement({
  dataSource,
  mailer: { sendMail: async () => ({ messageId: 'none' }) },
  mailFrom: 'bench@example.com',
  links: {
    confirmEmail: 'http://localhost/c?token={token}',
    resetPassword: 'http://localhost/r?token={token}',
  },
})
// Measuring wrong passwords must not throttle the account (each round also comes from its own IP).
await clients.settings.update({ email: 'bench', ip: null }, { maxFailedLogins: '100' })
const repo = dataSource.getRepository(Client)
const known = await repo.save(
  repo.create({
    clientNumber: 'BENCH1',
    lastName: 'Bench',
    email: 'known@example.com',
    status: 'active',
    passwordHash: await clients.passwordHasher.hash(PASSWORD),
  }),
)

const bcryptClient = await repo.save(
  repo.create({
    clientNumber: 'BENCH2',
    lastName: 'Bcrypt',
    email: 'bcrypt@example.com',
    status: 'active',
    passwordHash: PHP_BCRYPT,
  }),
)
const bare = await repo.save(
  repo.create({
    clientNumber: 'BENCH3',
    lastName: 'Bare',
    email: 'bare@example.com',
    status: 'active',
    passwordHash: null,
  }),
)

const time = async (work: () => Promise<unknown>) => {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}
let round = 0
const login = (email: string, password: string) => () =>
  clients.accounts.authenticate({ email, password, ip: `10.0.${Math.floor(round / 250)}.${round % 250}` })
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

await time(login('warm-up@example.com', 'x'))
const unknown: number[] = []
const wrong: number[] = []
const wrongBcrypt: number[] = []
const wrongBare: number[] = []
const right: number[] = []
const rehash: number[] = []
for (let i = 0; i < RUNS; i += 1) {
  round = i
  unknown.push(await time(login(`nobody${i}@example.com`, 'not the password')))
  wrong.push(await time(login(known.email as string, 'not the password')))
  wrongBcrypt.push(await time(login(bcryptClient.email as string, 'not the password')))
  wrongBare.push(await time(login(bare.email as string, 'not the password')))
  right.push(await time(login(known.email as string, PASSWORD)))
  const php = await repo.save(
    repo.create({
      clientNumber: `BENCHP${i}`,
      lastName: 'Php',
      email: `php${i}@example.com`,
      status: 'active',
      passwordHash: PHP_BCRYPT,
    }),
  )
  rehash.push(await time(login(php.email as string, PASSWORD)))
}
const rows = [
  ['unknown email', median(unknown)],
  ['wrong password (argon2id)', median(wrong)],
  ['wrong password (PHP $2y$ bcrypt, cost 10)', median(wrongBcrypt)],
  ['wrong password (no password stored)', median(wrongBare)],
  ['right password', median(right)],
  ['PHP $2y$ hash, first login (rehash)', median(rehash)],
] as const
console.log(`| login (${RUNS} runs each, alternated) | median ms |\n|---|---:|`)
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`)
console.log('\n(1.00 = nothing to learn from the time; the tests ask for 0.80–1.25)')
for (const [name, values] of [
  ['argon2id', wrong],
  ['bcrypt', wrongBcrypt],
  ['no password', wrongBare],
] as const) {
  console.log(`unknown / wrong password (${name}): ${(median(unknown) / median(values)).toFixed(2)}`)
}
await dataSource.destroy()
await rm(dataDir, { recursive: true, force: true })
