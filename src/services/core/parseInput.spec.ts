// The action inputs (src/shared/actionInputs/) read as the server reads a form: the typed value
// the lifecycle receives, or the same field message keys as the panel and the HTTP tests expect.
import { adjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { parseInput } from './parseInput.js'

const fieldsOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return (error as { fields?: Record<string, string> }).fields
  }
  throw new Error('no InvalidInputError')
}

describe('parseInput', () => {
  test('a suspend as a form sends it: trimmed reason, checkboxes, no contract list', () => {
    expect(parseInput(statusChangeInput, { reason: '  Unpaid ', contracts: 'on' })).toEqual({
      reason: 'Unpaid',
      contracts: true,
      contractIds: null,
      notify: false,
    })
    expect(parseInput(statusChangeInput, { reason: 'x', contractIds: '3, 5,3' }).contractIds).toEqual([3, 5])
    expect(parseInput(statusChangeInput, { reason: 'x', contractIds: '' }).contractIds).toEqual([])
  })

  test('the field message keys: fieldRequired, tooLong, badContractIds', () => {
    expect(fieldsOf(() => parseInput(statusChangeInput, { reason: '  ', contractIds: '1,x' }))).toEqual({
      reason: 'fieldRequired',
      contractIds: 'badContractIds',
    })
    expect(fieldsOf(() => parseInput(reactivateInput, { reason: 'x'.repeat(1001) }))).toEqual({
      reason: 'tooLong',
    })
    expect(parseInput(reactivateInput, {}).reason).toBeNull()
  })

  test('amounts: cents, or fieldRequired, invalidAmount, amountZero', () => {
    expect(parseInput(adjustBalanceInput, { amount: '+ 1 234,5', reason: 'r' }).amount).toBe(123450n)
    expect(parseInput(adjustBalanceInput, { amount: '-12.05', reason: 'r' }).amount).toBe(-1205n)
    expect(fieldsOf(() => parseInput(adjustBalanceInput, undefined))).toEqual({
      amount: 'fieldRequired',
      reason: 'fieldRequired',
    })
    expect(fieldsOf(() => parseInput(adjustBalanceInput, { amount: '12,345', reason: 'r' }))).toEqual({
      amount: 'invalidAmount',
    })
    expect(fieldsOf(() => parseInput(adjustBalanceInput, { amount: '-0,00', reason: 'r' }))).toEqual({
      amount: 'amountZero',
    })
  })

  test('an email: blank template is none, a template that is not a text is invalidValue', () => {
    expect(parseInput(sendEmailInput, { subject: 'S', body: 'B', template: '' }).template).toBeNull()
    expect(fieldsOf(() => parseInput(sendEmailInput, { subject: 'S', body: 'B', template: ['a'] }))).toEqual({
      template: 'invalidValue',
    })
  })
})
