import {
  contactSearchColumns,
  emailDomainOf,
  normalizeForSearch,
  parseSearch,
  phoneSearchKey,
  searchColumnsFor,
} from './searchText.js'

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
    expect(parseSearch('  Jean DUPONT ')).toEqual({
      words: ['jean', 'dupont'],
      exact: 'jean dupont',
      phone: null,
      domain: null,
      reference: null,
    })
    expect(parseSearch('a b c d e f g h i j')?.words).toHaveLength(8)
  })

  test('a blank query is no search; symbols only are a search with no words (it matches nothing)', () => {
    expect(parseSearch('   ')).toBeNull()
    expect(parseSearch(undefined)).toBeNull()
    expect(parseSearch('  -- ')).toEqual({
      words: [],
      exact: '--',
      phone: null,
      domain: null,
      reference: null,
    })
    expect(parseSearch('%%%')?.words).toEqual([])
  })

  test.each([
    ['06 12 34 56 78', '612345678'],
    ['+33 6 12 34 56 78', '612345678'],
    ['0033 6 12 34 56 78', '612345678'],
    ['0612345678', '612345678'],
    ['06.12.34', '61234'],
    ['(06) 12-34', '61234'],
    ['+32 470 12 34 56', '470123456'],
    ['06', null],
    ['dupont 06', null],
  ])('a phone in any format, %p, is the start of its national number: %p', (query, phone) => {
    expect(parseSearch(query)?.phone).toBe(phone)
  })

  test('@ and a domain, and one word that can be a contract reference', () => {
    expect(parseSearch('@Acme.FR')).toMatchObject({ domain: 'acme.fr', reference: null })
    expect(parseSearch('@')?.domain).toBeNull()
    expect(parseSearch('a@b.fr')?.domain).toBeNull()
    expect(parseSearch('CT-2024-001')?.reference).toBe('CT-2024-001')
    expect(parseSearch('ct')?.reference).toBeNull()
    expect(parseSearch('jean dupont')?.reference).toBeNull()
    expect(parseSearch('x'.repeat(300))?.reference).toHaveLength(64)
  })
})

describe('contact search columns', () => {
  test('a phone is keyed by its national number in the client country, whatever its format', () => {
    for (const phone of ['06 12 34 56 78', '+33 6 12 34 56 78', '0612345678', '06.12.34.56.78'])
      expect(phoneSearchKey(phone, 'FR')).toBe('612345678')
    expect(phoneSearchKey('0470 12 34 56', 'BE')).toBe('470123456')
    expect(phoneSearchKey('ext. 0012', null)).toBe('12')
    expect(phoneSearchKey('none', 'FR')).toBeNull()
    expect(phoneSearchKey(null, 'FR')).toBeNull()
  })

  test("an email's domain, lower-cased", () => {
    expect(emailDomainOf(' Jean@ACME.fr ')).toBe('acme.fr')
    expect(emailDomainOf('odd@name@acme.fr')).toBe('acme.fr')
    expect(emailDomainOf('no-domain@')).toBeNull()
    expect(emailDomainOf(null)).toBeNull()
    expect(contactSearchColumns('06 12', 'FR', 'a@b.fr')).toEqual({
      searchPhone: '612',
      searchEmailDomain: 'b.fr',
    })
  })
})
