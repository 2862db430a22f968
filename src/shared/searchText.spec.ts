import { normalizeForSearch, parseSearch, searchColumnsFor } from './searchText.js'

describe('normalizeForSearch', () => {
  test.each([
    ["Hélène  D'Arc-Dupont", 'helene d arc dupont'],
    ['Straße Œuvre Æsop', 'strasse oeuvre aesop'],
    ['  JEAN.dupont+x@Example.FR ', 'jean.dupont+x@example.fr'],
    [null, ''],
    ['***', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected)
  })
})

describe('searchColumnsFor', () => {
  test('last name first, first name first, and the words after a compound last name', () => {
    expect(searchColumnsFor('Le Gall', 'Aimable')).toEqual({
      searchName: 'le gall aimable',
      searchNameReversed: 'aimable le gall',
      searchNameTail: 'gall aimable',
    })
  })

  test('a one-word last name has no tail; a missing first name leaves no stray space', () => {
    expect(searchColumnsFor('Dupont', null)).toEqual({
      searchName: 'dupont',
      searchNameReversed: 'dupont',
      searchNameTail: null,
    })
  })

  test('columns are cut to their 220 characters', () => {
    expect(searchColumnsFor('a'.repeat(300), 'b').searchName).toHaveLength(220)
  })
})

describe('parseSearch', () => {
  test('words normalised and kept in order, at most eight, and the exact text for numbers and emails', () => {
    expect(parseSearch('  Jean DUPONT ')).toEqual({ words: ['jean', 'dupont'], exact: 'jean dupont' })
    expect(parseSearch('a b c d e f g h i j')?.words).toHaveLength(8)
  })

  test('nothing searchable is no search', () => {
    expect(parseSearch('  -- ')).toBeNull()
    expect(parseSearch(undefined)).toBeNull()
  })
})
