import type { Client } from '../../entities/Client.js'
import { maskJson } from './eraseLinkedRows.js'
import { identityOf, scrubJson, scrubText } from './scrubByValue.js'

const client = (values: Partial<Client>) => ({ id: 1, ...values }) as Client

describe('identity values cut out of a text', () => {
  const identity = identityOf([
    client({
      lastName: 'Dupont',
      firstName: 'Jo',
      email: 'jean.dupont@example.fr',
      phone: '+33 6 12 34 56 78',
      addressLine1: '12 rue des Lilas',
    }),
  ])

  test('whole words, any case; the email before the name inside it; a value under 3 characters left', () => {
    expect(scrubText('Export: DUPONT, mail jean.dupont@example.fr, Jo', identity)).toBe(
      'Export: [redacted], mail [redacted], Jo',
    )
    // A longer word that holds the name is another word.
    expect(scrubText('Dupontel et Dupont-Aignan', identity)).toBe('Dupontel et [redacted]-Aignan')
  })

  test('the phone as typed, as digits, and with other separators; the address line', () => {
    expect(scrubText('appelé au 33612345678 puis +33.6.12.34.56.78, 12 rue des lilas', identity)).toBe(
      'appelé au [redacted] puis +[redacted], [redacted]',
    )
  })

  test('in JSON: every string, keys included, at any depth; numbers stay', () => {
    expect(
      scrubJson(
        {
          filters: { q: 'dupont' },
          conflict: [{ existing: { email: 'Jean.Dupont@example.fr', id: 4 } }],
          Dupont: 1,
        },
        identity,
      ),
    ).toEqual({
      filters: { q: '[redacted]' },
      conflict: [{ existing: { email: '[redacted]', id: 4 } }],
      '[redacted]': 1,
    })
  })

  test('no value: nothing to cut', () => {
    const none = identityOf([client({ lastName: 'Li', firstName: null, email: null })])
    expect(none.pattern).toBeNull()
    expect(scrubText('Li', none)).toBe('Li')
  })
})

describe('the JSON of a history entry masked', () => {
  test('every text value goes; keys, numbers, flags and the plugin’s own codes stay', () => {
    expect(
      maskJson({
        previousStatus: 'suspended',
        previousReason: 'Jean ne paie pas',
        contractIds: [3, 4],
        to: 'jean@example.fr',
        forced: true,
      }),
    ).toEqual({
      previousStatus: 'suspended',
      previousReason: '[redacted]',
      contractIds: [3, 4],
      to: '[redacted]',
      forced: true,
    })
    expect(maskJson([{ field: 'phone', from: '+33 1', to: '+33 2' }])).toEqual([
      { field: 'phone', from: '[redacted]', to: '[redacted]' },
    ])
  })

  test('a change’s old and new values and an import’s custom values go whatever their kind', () => {
    expect(
      maskJson([
        { field: 'revenu', from: 42000, to: 54000.5 },
        { field: 'fumeur', from: false, to: true },
      ]),
    ).toEqual([
      { field: 'revenu', from: '[redacted]', to: '[redacted]' },
      { field: 'fumeur', from: '[redacted]', to: '[redacted]' },
    ])
    expect(
      maskJson({ importBatchId: 7, line: 3, custom: { revenu: 54000, vip: true, naissance: '1975-03-04' } }),
    ).toEqual({
      importBatchId: 7,
      line: 3,
      custom: { revenu: '[redacted]', vip: '[redacted]', naissance: '[redacted]' },
    })
    expect(maskJson({ field: 'phone', from: null, to: '+33 2' })).toEqual({
      field: 'phone',
      from: null,
      to: '[redacted]',
    })
  })
})
