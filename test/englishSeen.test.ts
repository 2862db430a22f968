// The English-word check of the French screens (test/support/englishSeen.ts): whole words only,
// in any script, so a French name is never read as English.
import { englishIn } from './support/englishSeen.js'

describe('englishIn', () => {
  test('finds the English words as whole words', () => {
    expect(englishIn('Client suspendu. 1 e-mail queued.')).toEqual(['queued'])
    expect(englishIn('Payée : No')).toEqual(['No'])
    expect(englishIn('No records')).toEqual(['No', 'No records'])
  })

  test('reads no English in French words that start like it', () => {
    expect(englishIn('Noël Dupont · C5576349, Noémie Garnier, Numéro, Listes, Showroom')).toEqual([])
  })
})
