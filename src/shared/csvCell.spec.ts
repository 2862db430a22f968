import { neutralise } from './csvCell.js'

describe('neutralise (a CSV cell a spreadsheet will not run)', () => {
  test('a formula start gets an apostrophe in front', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutralise(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`)
  })

  test('a formula after a separator of either dialect or a line break inside the cell', () => {
    expect(neutralise('Dupont,=2+5')).toBe("Dupont,'=2+5")
    expect(neutralise('Dupont;@cmd')).toBe("Dupont;'@cmd")
    expect(neutralise('ligne 1\n-2+3')).toBe("ligne 1\n'-2+3")
    expect(neutralise('=A1;+B2')).toBe("'=A1;'+B2")
  })

  test('plain text, inner signs and numbers written inside a word are left alone', () => {
    for (const text of ['Dupont', 'jean@example.fr', 'Saint-Étienne', '12,50', 'a = b', '', "l'ami"])
      expect(neutralise(text)).toBe(text)
  })
})
