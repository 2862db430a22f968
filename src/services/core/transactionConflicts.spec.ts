import { conflictCause } from './transactionConflicts.js'

describe('conflictCause: a lost connection', () => {
  test.each(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'ECONNREFUSED', 'ER_SERVER_SHUTDOWN'])(
    '%s before COMMIT is a connection cause (the server rolled the transaction back)',
    (code) => {
      expect(conflictCause({ code, query: 'INSERT INTO client_notes …' })).toBe('connection')
      expect(conflictCause({ code: 'QUERY_FAILED', driverError: { code }, query: 'START TRANSACTION' })).toBe(
        'connection',
      )
    },
  )

  test('lost during COMMIT, the outcome is unknown: never run again', () => {
    expect(conflictCause({ code: 'PROTOCOL_CONNECTION_LOST', query: 'COMMIT' })).toBeNull()
  })

  test('any other error is not a conflict', () => {
    expect(conflictCause({ code: 'ER_DUP_ENTRY', errno: 1062 })).toBeNull()
  })
})
