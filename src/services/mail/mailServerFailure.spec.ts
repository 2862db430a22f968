import { isServerFailure } from './mailServerFailure.js'

const failure = (code: string, responseCode?: number, command?: string) =>
  Object.assign(new Error(`${code} ${responseCode ?? ''}`), { code, responseCode, command })

test('the server away, slow, greeting with an error or refusing our login pauses the whole outbox', () => {
  expect(isServerFailure(failure('ECONNECTION', undefined, 'CONN'))).toBe(true)
  expect(isServerFailure(failure('ESOCKET', undefined, 'CONN'))).toBe(true)
  expect(isServerFailure(failure('ETIMEDOUT', undefined, 'CONN'))).toBe(true)
  expect(isServerFailure(failure('EPROTOCOL', 554, 'CONN'))).toBe(true)
  expect(isServerFailure(failure('EAUTH', 535, 'AUTH PLAIN'))).toBe(true)
  expect(isServerFailure(failure('ECONNREFUSED'))).toBe(true)
  // 421 closes the channel, even as the answer to a recipient.
  expect(isServerFailure(failure('EENVELOPE', 421, 'RCPT TO'))).toBe(true)
})

test('a refusal of this message (recipient, sender, content) and unknown errors stay the email’s own', () => {
  expect(isServerFailure(failure('EENVELOPE', 550, 'RCPT TO'))).toBe(false)
  expect(isServerFailure(failure('EENVELOPE', 450, 'RCPT TO'))).toBe(false)
  expect(isServerFailure(failure('EMESSAGE', 552, 'DATA'))).toBe(false)
  expect(isServerFailure(failure('EENVELOPE', 451, 'MAIL FROM'))).toBe(false)
  expect(isServerFailure(new Error('quota exceeded'))).toBe(false)
  expect(isServerFailure('ECONNECTION')).toBe(false)
  expect(isServerFailure(null)).toBe(false)
})
