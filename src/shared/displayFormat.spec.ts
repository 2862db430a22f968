import {
  countryName,
  emailBreakPieces,
  formatCount,
  formatCustomValue,
  formatDay,
  formatMoney,
  formatPercent,
  formatPhone,
  isCurrencyCode,
  phoneHref,
} from './displayFormat.js'

// Intl separates French thousands with a narrow no-break space and puts one before the symbol.
const plain = (text: string | null) => text?.replace(/[\u202f\u00a0]/g, ' ')

describe('money in the panel’s language and currency', () => {
  test('EUR by default, the symbol where each language puts it', () => {
    expect(plain(formatMoney('1303.02', 'fr'))).toBe('1 303,02 €')
    expect(formatMoney('1303.02', 'en')).toBe('€1,303.02')
    expect(plain(formatMoney('-12', 'fr'))).toBe('-12,00 €')
    expect(plain(formatMoney('1234.5', 'fr', 'CHF'))).toBe('1 234,50 CHF')
    expect(formatMoney('0', 'en', 'USD')).toBe('$0.00')
  })
  test('nothing stays nothing; unreadable text is shown as it is', () => {
    expect(formatMoney(null, 'fr')).toBeNull()
    expect(formatMoney('', 'fr')).toBeNull()
    expect(formatMoney('n/a', 'fr')).toBe('n/a')
  })
  test('currency codes: three capitals Intl knows', () => {
    expect(['EUR', 'CHF', 'USD', 'XOF'].every(isCurrencyCode)).toBe(true)
    expect(['eur', 'EURO', '', null, 12].some(isCurrencyCode)).toBe(false)
  })
  test('counts with thousands separators', () => {
    expect(plain(formatCount(40213, 'fr'))).toBe('40 213')
    expect(formatCount(40213, 'en')).toBe('40,213')
  })
})

describe('phones for the client’s country (stored as entered, shown formatted)', () => {
  test('a number of the client’s country in its national format', () => {
    expect(formatPhone('+33 796153696', 'FR')).toBe('07 96 15 36 96')
    expect(formatPhone('0758772086', 'FR')).toBe('07 58 77 20 86')
    expect(formatPhone('0758772086', null)).toBe('07 58 77 20 86')
  })
  test('a number of another country in the international format', () => {
    expect(formatPhone('+32470123456', 'FR')).toBe('+32 470 12 34 56')
    expect(formatPhone('+33758772086', 'BE')).toBe('+33 7 58 77 20 86')
  })
  test('what libphonenumber cannot read is shown as stored; nothing stays nothing', () => {
    expect(formatPhone('poste 12', 'FR')).toBe('poste 12')
    expect(formatPhone('  ', 'FR')).toBeNull()
  })
  test('a tel: link in E.164', () => {
    expect(phoneHref('07 58 77 20 86', 'FR')).toBe('tel:+33758772086')
    expect(phoneHref(null, 'FR')).toBeNull()
  })
})

describe('country names', () => {
  test('a code as its name in the panel’s language; anything else as it is', () => {
    expect(countryName('FR', 'fr')).toBe('France')
    expect(countryName('be', 'fr')).toBe('Belgique')
    expect(countryName('DE', 'en')).toBe('Germany')
    expect(countryName('Suisse', 'fr')).toBe('Suisse')
    expect(countryName(null, 'fr')).toBeNull()
  })
})

describe('rates', () => {
  test('a rate stored in percent, in the panel’s language', () => {
    expect(plain(formatPercent('2.7100', 'fr'))).toBe('2,71 %')
    expect(formatPercent('0.5', 'en')).toBe('0.5%')
    expect(formatPercent(null, 'fr')).toBeNull()
  })
})

describe('a custom field’s value in the panel', () => {
  const risk = {
    type: 'choice' as const,
    choices: [
      { value: 'prudent', labelFr: 'Prudent', labelEn: 'Cautious', colour: 'green' as const },
      { value: 'dynamique', labelFr: 'Dynamique', labelEn: 'Dynamic', colour: 'red' as const },
    ],
  }
  const of = (type: Parameters<typeof formatCustomValue>[0]['type']) => ({ type, choices: [] })

  test('a date, money, numbers and yes/no in each language', () => {
    expect(formatDay('1975-03-04', 'fr')).toBe('04/03/1975')
    expect(formatDay('1975-03-04', 'en')).toBe('3/4/75')
    expect(formatCustomValue(of('date'), '1975-03-04', 'fr')).toEqual({ text: '04/03/1975' })
    expect(plain((formatCustomValue(of('money'), '1303.50', 'fr') as { text: string }).text)).toBe(
      '1 303,50 €',
    )
    expect(formatCustomValue(of('money'), '1303.50', 'en')).toEqual({ text: '€1,303.50' })
    expect(plain((formatCustomValue(of('decimal'), 1234.5, 'fr') as { text: string }).text)).toBe('1 234,5')
    expect(formatCustomValue(of('yesNo'), true, 'fr')).toEqual({ text: 'Oui' })
    expect(formatCustomValue(of('yesNo'), 'false', 'en')).toEqual({ text: 'No' })
    expect(formatCustomValue(of('shortText'), '<b>x</b>', 'en')).toEqual({ text: '<b>x</b>' })
  })

  test('choices as chips of their labels and colours; an unknown one as its value, grey; blank is null', () => {
    expect(formatCustomValue(risk, 'dynamique', 'fr')).toEqual({
      chips: [{ value: 'dynamique', label: 'Dynamique', colour: 'red' }],
    })
    expect(formatCustomValue({ ...risk, type: 'choices' }, 'prudent,gone', 'en')).toEqual({
      chips: [
        { value: 'prudent', label: 'Cautious', colour: 'green' },
        { value: 'gone', label: 'gone', colour: 'grey' },
      ],
    })
    expect(formatCustomValue(risk, '', 'fr')).toBeNull()
    expect(formatCustomValue(risk, null, 'fr')).toBeNull()
  })
})

describe('an email address as a line may break it', () => {
  test('after its @ and before each dot, never inside a word', () => {
    expect(emailBreakPieces('thomas.noel.44@example.fr')).toEqual([
      'thomas',
      '.noel',
      '.44@',
      'example',
      '.fr',
    ])
    expect(emailBreakPieces('a@b')).toEqual(['a@', 'b'])
    expect(emailBreakPieces('plain').join('')).toBe('plain')
  })
})
