import { errorsCsvText } from './downloadErrorsCsv.js'

describe('the import errors CSV', () => {
  test('every cell quoted, and a line of the file holding a formula made inert', () => {
    const text = errorsCsvText(
      ['Ligne', 'Erreur'],
      [
        ['3', '=HYPERLINK("http://evil.example","clic")'],
        ['4', 'Dupont,=2+5'],
        ['5', 'Montant "12,50" invalide'],
      ],
    )
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.slice(1).split('\r\n')).toEqual([
      '"Ligne";"Erreur"',
      '"3";"\'=HYPERLINK(""http://evil.example"",""clic"")"',
      '"4";"Dupont,\'=2+5"',
      '"5";"Montant ""12,50"" invalide"',
      '',
    ])
  })
})
