import { BOM, CsvWriter, isoValue, neutralise } from './csvWriter.js'

describe('CsvWriter', () => {
  test('French: `;`, a decimal comma; English: `,`, a decimal point', () => {
    const fr = new CsvWriter('fr')
    const en = new CsvWriter('en')
    expect(
      fr.line([fr.cell('1234.50', 'decimal'), fr.cell(-12.5, 'decimal'), fr.cell('Dupont', 'text')]),
    ).toBe('1234,50;-12,50;Dupont\r\n')
    expect(
      en.line([en.cell('1234.50', 'decimal'), en.cell(-12.5, 'decimal'), en.cell('Dupont', 'text')]),
    ).toBe('1234.50,-12.50,Dupont\r\n')
    expect(BOM).toBe('\uFEFF')
  })

  test('quotes a field holding the separator, a quote or a line break; nothing else', () => {
    const fr = new CsvWriter('fr')
    expect(fr.cell('a;b', 'text')).toBe('"a;b"')
    expect(fr.cell('a,b', 'text')).toBe('a,b')
    expect(new CsvWriter('en').cell('a,b', 'text')).toBe('"a,b"')
    expect(fr.cell('il a dit "non"', 'text')).toBe('"il a dit ""non"""')
    expect(fr.cell('ligne 1\nligne 2', 'text')).toBe('"ligne 1\nligne 2"')
    expect(fr.cell(null, 'text')).toBe('')
  })

  test('neutralises what a spreadsheet would run as a formula, in text cells only', () => {
    for (const formula of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(formula)).toBe(`'${formula}`)
    expect(neutralise('Dupont')).toBe('Dupont')
    expect(new CsvWriter('en').cell('=HYPERLINK("x")', 'text')).toBe(`"'=HYPERLINK(""x"")"`)
    // An amount is a number, not a formula: it stays as it is.
    expect(new CsvWriter('en').cell('-12.50', 'decimal')).toBe('-12.50')
    // A number column holding text is text, neutralised.
    expect(new CsvWriter('en').cell('=1', 'number')).toBe(`'=1`)
  })

  test('dates and times in ISO 8601, UTC, from a Date or SQLite’s text', () => {
    expect(isoValue(new Date('2026-03-01T09:30:15.123Z'), 'datetime')).toBe('2026-03-01T09:30:15Z')
    expect(isoValue('2026-03-01 09:30:15.123', 'datetime')).toBe('2026-03-01T09:30:15Z')
    expect(isoValue('2026-03-01', 'date')).toBe('2026-03-01')
    expect(isoValue(new Date('2026-03-01T00:00:00Z'), 'date')).toBe('2026-03-01')
    expect(isoValue(null, 'date')).toBe('')
  })
})
