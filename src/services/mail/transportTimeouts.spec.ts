import nodemailer from 'nodemailer'
import { outboxSmtpTimeouts, readSmtpTimeouts, timeoutsAboveLease } from './transportTimeouts.js'

test('the outbox’s SMTP timeouts add up to well below the lease, default or short', () => {
  expect(outboxSmtpTimeouts()).toEqual({
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  })
  const short = outboxSmtpTimeouts(60_000)
  expect(short).toEqual({ connectionTimeout: 6_000, greetingTimeout: 6_000, socketTimeout: 12_000 })
  for (const lease of [1_000, 60_000, 5 * 60_000, 3600_000]) {
    const t = outboxSmtpTimeouts(lease)
    expect(t.connectionTimeout + t.greetingTimeout + t.socketTimeout).toBeLessThan(lease / 2)
  }
})

test('a plain nodemailer SMTP transport outlasts the default lease; one built with ours does not', () => {
  const plain = nodemailer.createTransport('smtp://127.0.0.1:2525')
  expect(readSmtpTimeouts(plain)).toEqual({
    connectionTimeout: 120_000,
    greetingTimeout: 30_000,
    socketTimeout: 600_000,
  })
  expect(timeoutsAboveLease(plain, 5 * 60_000)).toMatch(/add up to more than outbox.leaseMs \(300 s\)/)
  const ours = nodemailer.createTransport({ host: '127.0.0.1', port: 2525, ...outboxSmtpTimeouts() })
  expect(timeoutsAboveLease(ours, 5 * 60_000)).toBeNull()
  // Read from a URL's query too.
  const slow = nodemailer.createTransport('smtp://127.0.0.1:2525?socketTimeout=900000&connectionTimeout=1000')
  expect(readSmtpTimeouts(slow)).toEqual({
    connectionTimeout: 1000,
    greetingTimeout: 30_000,
    socketTimeout: 900_000,
  })
  const pool = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: 2525,
    ...outboxSmtpTimeouts(),
  })
  expect(readSmtpTimeouts(pool)?.socketTimeout).toBe(60_000)
  pool.close()
})

test('a mailer whose timeouts cannot be read is not judged', () => {
  expect(timeoutsAboveLease({ sendMail: async () => ({}) }, 1000)).toBeNull()
  expect(timeoutsAboveLease(nodemailer.createTransport({ jsonTransport: true }), 1000)).toBeNull()
})
