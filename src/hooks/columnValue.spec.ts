import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js'
import { columnValueProblem } from './columnValue.js'

// The fields of TypeORM's metadata the check reads.
const column = (type: unknown, more: Partial<ColumnMetadata> = {}) =>
  ({ type, isNullable: false, length: '', ...more }) as unknown as ColumnMetadata
const wrong = (message: string) => ({ message, malformed: false })
const malformed = { message: 'invalidValue', malformed: true }

describe('columnValueProblem', () => {
  test('a field not sent is no problem; NULL only where the column is nullable', () => {
    expect(columnValueProblem(column('varchar'), undefined, null)).toBeNull()
    expect(columnValueProblem(column('varchar'), null, null)).toEqual(wrong('fieldRequired'))
    expect(columnValueProblem(column('varchar', { isNullable: true }), null, null)).toBeNull()
  })

  test('an array, an object, a number for a text, a boolean for a number: crafted, not mistyped', () => {
    expect(columnValueProblem(column('varchar'), ['a'], null)).toEqual(malformed)
    expect(columnValueProblem(column('varchar'), { a: 1 }, null)).toEqual(malformed)
    expect(columnValueProblem(column('varchar'), 12, null)).toEqual(malformed)
    expect(columnValueProblem(column('int'), true, null)).toEqual(malformed)
    expect(columnValueProblem(column('int'), Number.NaN, null)).toEqual(malformed)
    expect(columnValueProblem(column('int'), 12, null)).toBeNull()
    expect(columnValueProblem(column(Boolean), true, null)).toBeNull()
  })

  test('control characters: refused in a line, tab and line breaks allowed in a text column', () => {
    expect(columnValueProblem(column('varchar'), 'a\u0000b', null)).toEqual(wrong('invalidCharacters'))
    expect(columnValueProblem(column('varchar'), 'a\nb', null)).toEqual(wrong('invalidCharacters'))
    expect(columnValueProblem(column('text'), 'line 1\r\n\tline 2', null)).toBeNull()
    expect(columnValueProblem(column('text'), 'bell\u0007', null)).toEqual(wrong('invalidCharacters'))
  })

  test('whole numbers fit a signed INT', () => {
    const int = column('int')
    expect(columnValueProblem(int, '2147483647', null)).toBeNull()
    expect(columnValueProblem(int, '-2147483647', null)).toBeNull()
    expect(columnValueProblem(int, '2147483648', null)).toEqual(wrong('invalidWholeNumber'))
    expect(columnValueProblem(int, '1.5', null)).toEqual(wrong('invalidWholeNumber'))
    expect(columnValueProblem(int, '1e3', null)).toEqual(wrong('invalidWholeNumber'))
    expect(columnValueProblem(column(Number), 'x', null)).toEqual(wrong('invalidWholeNumber'))
  })

  test("decimals within the column's precision and scale", () => {
    const money = column('decimal', { precision: 6, scale: 2 })
    expect(columnValueProblem(money, '9999.99', null)).toBeNull()
    expect(columnValueProblem(money, '-0.5', null)).toBeNull()
    expect(columnValueProblem(money, '10000', null)).toEqual(wrong('invalidNumber'))
    expect(columnValueProblem(money, '1.234', null)).toEqual(wrong('invalidNumber'))
    expect(columnValueProblem(money, '1,5', null)).toEqual(wrong('invalidNumber'))
  })

  test('real calendar days only', () => {
    expect(columnValueProblem(column('date'), '2024-02-29', null)).toBeNull()
    expect(columnValueProblem(column('date'), '2025-02-29', null)).toEqual(wrong('invalidDate'))
    expect(columnValueProblem(column(Date), '2025-01-31T10:00:00Z', null)).toBeNull()
    expect(columnValueProblem(column('datetime'), 'tomorrow', null)).toEqual(wrong('invalidDate'))
  })

  test('booleans as a form sends them', () => {
    for (const ok of ['true', 'false', '1', '0'])
      expect(columnValueProblem(column('boolean'), ok, null)).toBeNull()
    expect(columnValueProblem(column('boolean'), 'yes', null)).toEqual(wrong('invalidValue'))
  })

  test('no longer than the column; a text column has its own ceiling', () => {
    expect(columnValueProblem(column('varchar', { length: '5' }), 'abcde', null)).toBeNull()
    expect(columnValueProblem(column('varchar', { length: '5' }), 'abcdef', null)).toEqual(wrong('tooLong'))
    expect(columnValueProblem(column('text'), 'x'.repeat(16_000), null)).toBeNull()
    expect(columnValueProblem(column('text'), 'x'.repeat(16_001), null)).toEqual(wrong('tooLong'))
  })

  test("one of the choices given, else of the column's enum; empty is a choice only where nullable", () => {
    const status = column('varchar', { enum: ['active', 'banned'] })
    expect(columnValueProblem(status, 'banned', null)).toBeNull()
    expect(columnValueProblem(status, 'root', null)).toEqual(wrong('invalidChoice'))
    expect(columnValueProblem(status, 'active', ['pending'])).toEqual(wrong('invalidChoice'))
    expect(columnValueProblem(column('varchar'), '', ['a'])).toEqual(wrong('invalidChoice'))
    expect(columnValueProblem(column('varchar', { isNullable: true }), '', ['a'])).toBeNull()
  })
})
