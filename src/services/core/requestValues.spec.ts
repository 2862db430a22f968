import {
  hasControlCharacters,
  isCalendarDate,
  isDecimal,
  isPlainValue,
  isRecordId,
  isWholeNumber,
  nestedUnder,
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
