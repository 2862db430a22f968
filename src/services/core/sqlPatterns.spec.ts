import { globEscape, likeEscape, prefixPattern } from './sqlPatterns.js'

describe('SQL patterns matched literally', () => {
  test('LIKE: %, _ and the escape itself are escaped, nothing else', () => {
    expect(likeEscape('100%_a\\b')).toBe('100\\%\\_a\\\\b')
    expect(likeEscape("Dupont d'Arc*?[")).toBe("Dupont d'Arc*?[")
  })

  test('GLOB: *, ? and brackets become one-character classes', () => {
    expect(globEscape('a*b?c[d]')).toBe('a[*]b[?]c[[]d[]]')
    expect(globEscape('50%_x')).toBe('50%_x')
  })

  test('a prefix pattern per database', () => {
    expect(prefixPattern(true, 'Du_p%')).toBe('Du\\_p\\%%')
    expect(prefixPattern(false, 'Du*')).toBe('Du[*]*')
    expect(prefixPattern(true, '')).toBe('%')
  })
})
