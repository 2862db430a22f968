import { normalizeIp } from './normalizeIp.js'

test.each([
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['::FFFF:192.0.2.7', '192.0.2.7'],
  [' 203.0.113.5 ', '203.0.113.5'],
  ['2001:db8::1', '2001:db8::1'],
  ['::1', '::1'],
])('%p is kept as %p', (raw, ip) => {
  expect(normalizeIp(raw)).toBe(ip)
})

test.each([
  [null],
  [undefined],
  [''],
  ['unknown'],
  ['127.0.0.1, 10.0.0.1'],
  [['127.0.0.1']],
  ['::ffff:999.1.1.1'],
])('%p is no address', (raw) => {
  expect(normalizeIp(raw)).toBeNull()
})
