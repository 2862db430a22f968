import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

// argon2 and bcrypt are native addons: a process that never hashes a password (a worker, a
// script that only reads the lifecycle or the options) does not load them. Checked in a child
// process by the shared objects node has loaded (`process.report`), which sees a `.node` addon
// however it was reached (ESM, CommonJS, a bundler's require).
const room = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name))
    .map((name) => `./${dir}/${name}`)

function addonsAfter(modules: string[], then = ''): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules)}) await import(m)
    ${then}
    const loaded = process.report.getReport().sharedObjects
    console.log(JSON.stringify(loaded.filter((f) => /argon2|bcrypt/.test(f)).map((f) => f.includes('argon2') ? 'argon2' : 'bcrypt')))
  `
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').pop() as string)
}

test('importing the lifecycle room and the options loads neither argon2 nor bcrypt', () => {
  const modules = [
    ...room('src/services/lifecycle'),
    './src/options/clientManagementOptions.ts',
    './src/services/accounts/passwordHasher.ts',
  ]
  expect(modules.length).toBeGreaterThan(3)
  expect(addonsAfter(modules)).toEqual([])
}, 60_000)

test('hashing a password loads its driver, and only it', () => {
  const hash = (driver: string) => `
    const { PasswordHasher } = await import('./src/services/accounts/passwordHasher.ts')
    await new PasswordHasher({ driver: '${driver}', bcryptCost: 4, argon2MemoryCost: 1024, argon2TimeCost: 2 }).hash('a long passphrase')`
  expect(addonsAfter([], hash('bcrypt'))).toEqual(['bcrypt'])
  expect(addonsAfter([], hash('argon2id'))).toEqual(['argon2'])
}, 60_000)
