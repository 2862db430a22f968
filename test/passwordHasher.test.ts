import { PasswordHasher, hashFormat } from '../src/services/accounts/passwordHasher.js'
import { phpHashes } from './support/fixtures.js'

// Low costs keep the suite fast; the defaults are checked separately.
const fast = {
  bcrypt: new PasswordHasher({ driver: 'bcrypt', bcryptCost: 4 }),
  argon2id: new PasswordHasher({ driver: 'argon2id', argon2MemoryCost: 1024, argon2TimeCost: 2 }),
  argon2i: new PasswordHasher({ driver: 'argon2i', argon2MemoryCost: 1024, argon2TimeCost: 2 }),
}

describe('PasswordHasher', () => {
  test.each(Object.entries(fast))('%s hashes in its own format and verifies', async (driver, hasher) => {
    const hash = await hasher.hash('s3cret-Passw0rd')
    expect(hashFormat(hash)).toBe(driver)
    expect(await hasher.verify(hash, 's3cret-Passw0rd')).toBe(true)
    expect(await hasher.verify(hash, 's3cret-passw0rd')).toBe(false)
    expect(hasher.needsRehash(hash)).toBe(false)
  })

  test.each(phpHashes.map((f) => [f.algorithm, f.password, f.hash]))(
    'verifies PHP %s hash of %j whatever the configured driver',
    async (algorithm, password, hash) => {
      expect(hashFormat(hash)).toBe(algorithm)
      for (const hasher of Object.values(fast)) {
        expect(await hasher.verify(hash, password)).toBe(true)
        expect(await hasher.verify(hash, `${password}x`)).toBe(false)
      }
    },
  )

  test('a hash of another driver or cost needs a rehash', async () => {
    const bcryptHash = await fast.bcrypt.hash('pw')
    expect(fast.argon2id.needsRehash(bcryptHash)).toBe(true)
    expect(new PasswordHasher({ driver: 'bcrypt', bcryptCost: 5 }).needsRehash(bcryptHash)).toBe(true)
    const argonHash = await fast.argon2id.hash('pw')
    expect(fast.argon2i.needsRehash(argonHash)).toBe(true)
    expect(new PasswordHasher({ driver: 'argon2id' }).needsRehash(argonHash)).toBe(true)
    // PHP's argon2id hashes use PHP's defaults, which are ours: no rehash for cost alone.
    const phpArgon2id = phpHashes.find((f) => f.algorithm === 'argon2id')!.hash
    expect(new PasswordHasher({ driver: 'argon2id' }).needsRehash(phpArgon2id)).toBe(false)
  })

  test.each([
    ['truncated bcrypt', phpHashes[0].hash.slice(0, 40)],
    ['truncated argon2', phpHashes[1].hash.slice(0, 50)],
    ['empty', ''],
    ['null', null],
    ['md5', '5f4dcc3b5aa765d61d8327deb882cf99'],
    ['argon2 with garbage params', '$argon2id$v=19$m=abc,t=4,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'],
  ])('refuses a %s hash without throwing', async (_label, hash) => {
    expect(hashFormat(hash)).toBe('unknown')
    for (const hasher of Object.values(fast)) {
      await expect(hasher.verify(hash, 'Motdepasse!2024')).resolves.toBe(false)
      expect(hasher.needsRehash(hash)).toBe(true)
    }
  })
})
