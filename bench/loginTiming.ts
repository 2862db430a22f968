// `npm run bench:login`: what a login costs and whether its time tells anything. Medians of
// alternated calls of `clients.accounts.authenticate` on embedded SQLite, with the default
// hashing (argon2id, 64 MiB, 4 passes): an unknown email, a wrong password, the right one, and
// a first login on a PHP $2y$ hash (verified, then rehashed to argon2id).
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
// Measuring wrong passwords must not throttle the account.
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

const time = async (work: () => Promise<unknown>) => {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}
const login = (email: string, password: string) => () =>
  clients.accounts.authenticate({ email, password, ip: '127.0.0.1' })
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

await time(login('warm-up@example.com', 'x'))
const unknown: number[] = []
const wrong: number[] = []
const right: number[] = []
const rehash: number[] = []
for (let i = 0; i < RUNS; i += 1) {
  unknown.push(await time(login(`nobody${i}@example.com`, 'not the password')))
  wrong.push(await time(login(known.email as string, 'not the password')))
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
  ['wrong password', median(wrong)],
  ['right password', median(right)],
  ['PHP $2y$ hash, first login (rehash)', median(rehash)],
] as const
console.log(`| login (${RUNS} runs each, alternated) | median ms |\n|---|---:|`)
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`)
console.log(
  `\nunknown / wrong password: ${(median(unknown) / median(wrong)).toFixed(2)} (1.00 = nothing to learn from the time)`,
)
await dataSource.destroy()
await rm(dataDir, { recursive: true, force: true })
