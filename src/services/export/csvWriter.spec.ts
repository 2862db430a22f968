import { BOM, CsvWriter, isoValue, neutralise } from './csvWriter.js'

describe('CsvWriter', () => {
  test('French: `;`, a decimal comma; English: `,`, a decimal point', () => {
    const fr = new CsvWriter('fr')
    const en = new CsvWriter('en')
    expect(
      fr.line([fr.cell('1234.50', 'decimal'), fr.cell(-12.5, 'decimal'), fr.cell('Dupont', 'text')]),
    ).toBe('"1234,50";"-12,50";Dupont\r\n')
    expect(
      en.line([en.cell('1234.50', 'decimal'), en.cell(-12.5, 'decimal'), en.cell('Dupont', 'text')]),
    ).toBe('1234.50,-12.50,Dupont\r\n')
    expect(BOM).toBe('\uFEFF')
  })

  test('quotes a field holding either language’s separator, a quote or a line break; nothing else', () => {
    const fr = new CsvWriter('fr')
    const en = new CsvWriter('en')
    for (const writer of [fr, en]) {
      expect(writer.cell('a;b', 'text')).toBe('"a;b"')
      expect(writer.cell('a,b', 'text')).toBe('"a,b"')
      expect(writer.cell('Dupont', 'text')).toBe('Dupont')
      expect(writer.cell('Jean-Pierre O’Neil', 'text')).toBe('Jean-Pierre O’Neil')
      expect(writer.cell('a\rb', 'text')).toBe('"a\rb"')
    }
    // Issue 24: split on the other separator, `Dupont,=2+5` gave a cell `=2+5`.
    expect(fr.line([fr.cell('Dupont,=2+5', 'text'), fr.cell('x', 'text')])).toBe(`"Dupont,'=2+5";x\r\n`)
    expect(en.line([en.cell('Dupont;=2+5', 'text'), en.cell('x', 'text')])).toBe(`"Dupont;'=2+5",x\r\n`)
    // Formula first, then quoting: the apostrophe stays inside the quotes.
    expect(fr.cell('=1,2', 'text')).toBe(`"'=1,2"`)
    expect(en.cell('=1;2', 'text')).toBe(`"'=1;2"`)
    // A header is a text like any other.
    expect(fr.header(['Nom, prénom'])).toBe('"Nom, prénom"\r\n')
    // A number of a number column holding text is quoted as text.
    expect(fr.cell('1,5', 'number')).toBe('"1,5"')
    expect(en.cell('12.50', 'decimal')).toBe('12.50')
    expect(fr.cell('il a dit "non"', 'text')).toBe('"il a dit ""non"""')
    expect(fr.cell('ligne 1\nligne 2', 'text')).toBe('"ligne 1\nligne 2"')
    expect(fr.cell(null, 'text')).toBe('')
  })

  test('neutralises what a spreadsheet would run as a formula, in text cells only', () => {
    for (const formula of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(formula)).toBe(`'${formula}`)
    expect(neutralise('Dupont')).toBe('Dupont')
    // After a separator of either dialect or a line break: a cell to a reader of the other dialect.
    expect(neutralise('Dupont,=2+5')).toBe(`Dupont,'=2+5`)
    expect(neutralise('Jean;@SUM(A1)')).toBe(`Jean;'@SUM(A1)`)
    expect(neutralise('ligne 1\n+33 6')).toBe(`ligne 1\n'+33 6`)
    expect(neutralise('=1,-2')).toBe(`'=1,'-2`)
    expect(neutralise('Dupont, Jean-Pierre; 12-3')).toBe('Dupont, Jean-Pierre; 12-3')
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
