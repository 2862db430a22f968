import { adjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import {
  hasControlCharacters,
  isCalendarDate,
  isDecimal,
  isPlainValue,
  isRecordId,
  isWholeNumber,
  nestedUnder,
  normalizeIp,
  parseInput,
} from './requestValues.js'

describe('values from a request', () => {
  test('a plain value: a string, a finite number or a boolean', () => {
    for (const v of ['', 'x', 0, -1.5, true, false]) expect(isPlainValue(v)).toBe(true)
    for (const v of [null, undefined, NaN, Infinity, [], ['a'], {}, new Date()])
      expect(isPlainValue(v)).toBe(false)
  })

  test('control characters: none in a line; tab, LF and CR allowed in a multi-line text', () => {
    expect(hasControlCharacters('Dupont')).toBe(false)
    expect(hasControlCharacters('a\tb')).toBe(true)
    expect(hasControlCharacters('a\tb\r\nc', true)).toBe(false)
    expect(hasControlCharacters('a\u0000b', true)).toBe(true)
    expect(hasControlCharacters('a\u007fb', true)).toBe(true)
    expect(hasControlCharacters('é ü — ✓')).toBe(false)
  })

  test('a flattened array or object under a field', () => {
    expect(nestedUnder({ 'tags.0': 'a' }, 'tags')).toBe(true)
    expect(nestedUnder({ tags: 'a', tagsMore: 'b', 'tagsX.0': 'c' }, 'tags')).toBe(false)
  })

  test('a real calendar day, optionally with the time the date picker adds', () => {
    for (const ok of [
      '2024-02-29',
      '2025-12-31',
      '2025-01-31T10:00',
      '2025-01-31T10:00:00.123Z',
      '2025-01-31T10:00:00+02:00',
    ])
      expect(isCalendarDate(ok)).toBe(true)
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-04-31',
      '2025-1-1',
      '31/01/2025',
      '2025-01-31 10:00',
      '',
    ])
      expect(isCalendarDate(bad)).toBe(false)
  })

  test('decimals within precision and scale; leading zeros do not count', () => {
    expect(isDecimal('1234567890.12')).toBe(true)
    expect(isDecimal('12345678901.12')).toBe(false)
    expect(isDecimal('000000000001.5')).toBe(true)
    expect(isDecimal('1.234')).toBe(false)
    expect(isDecimal('1.234', 12, 4)).toBe(true)
    for (const bad of ['1,5', '.5', '1.', '+1', '1e3', '', ' 1']) expect(isDecimal(bad)).toBe(false)
  })

  test('whole numbers and record ids fit a signed INT', () => {
    expect(isWholeNumber('-2147483647')).toBe(true)
    expect(isWholeNumber('2147483648')).toBe(false)
    expect(isWholeNumber('1.0')).toBe(false)
    expect(isRecordId('1')).toBe(true)
    expect(isRecordId('2147483647')).toBe(true)
    for (const bad of ['0', '-1', '01', '2147483648', '1a', '', ' 1']) expect(isRecordId(bad)).toBe(false)
  })
})

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

// The action inputs (src/shared/actionInputs/) read as the server reads a form: the typed value
// the lifecycle receives, or the same field message keys as the panel and the HTTP tests expect.

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
