import { fromCents, parseAmount, toCents } from './money.js'

describe('parseAmount', () => {
  test.each([
    ['12.50', 1250n],
    ['-12,5', -1250n],
    ['+ 1 234,56', 123456n],
    ['1\u202f234.56', 123456n],
    ['7', 700n],
  ])('%p is %p cents', (input, cents) => {
    expect(parseAmount(input)).toEqual({ cents })
  })

  test.each([
    ['', 'fieldRequired'],
    [null, 'fieldRequired'],
    ['0,00', 'amountZero'],
    ['-0', 'amountZero'],
    ['12.345', 'invalidAmount'],
    ['1,234.56', 'invalidAmount'],
    ['abc', 'invalidAmount'],
  ])('%p is refused: %p', (input, error) => {
    expect(parseAmount(input)).toEqual({ error })
  })
})

test('cents to and from the DECIMAL column', () => {
  expect(toCents('12.50')).toBe(1250n)
  expect(toCents('-0.5')).toBe(-50n)
  expect(toCents(null)).toBe(0n)
  expect(fromCents(-1250n)).toBe('-12.50')
  expect(fromCents(5n)).toBe('0.05')
  expect(() => toCents('1e3')).toThrow()
})
