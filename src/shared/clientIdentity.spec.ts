import { generateClientNumber, isValidEmail, normalizeEmail, randomCode } from './clientIdentity.js'

test('client numbers: C and eight characters no one misreads (no I, L, O, U), and not twice the same', () => {
  const numbers = Array.from({ length: 500 }, generateClientNumber)
  for (const number of numbers) expect(number).toMatch(/^C[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/)
  expect(new Set(numbers).size).toBe(numbers.length)
})

test('random codes use every letter of the alphabet, each about as often', () => {
  const counts = new Map<string, number>()
  for (const ch of randomCode(32_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  expect(counts.size).toBe(32)
  for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(200)
})

test('emails are trimmed and lower-cased; blank is none', () => {
  expect(normalizeEmail('  Jean@Example.FR ')).toBe('jean@example.fr')
  expect(normalizeEmail('   ')).toBeNull()
  expect(normalizeEmail(undefined)).toBeNull()
})

test.each(['jean@example.fr', 'a.b+c@sub.example.co.uk', 'x@xn--bcher-kva.de'])(
  'one address: %s',
  (email) => {
    expect(isValidEmail(email)).toBe(true)
  },
)

test.each([
  'victim,attacker@evil.example',
  '"A" <a@b.fr>',
  '<svg/onload=alert(1)>@x.fr',
  'a@b',
  'a b@c.fr',
  'a@b..fr',
  `${'a'.repeat(250)}@x.fr`,
])('not one address: %s', (email) => {
  expect(isValidEmail(email)).toBe(false)
})
