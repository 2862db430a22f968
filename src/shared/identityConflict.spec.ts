import { conflictDetail, identitiesDiffer } from './identityConflict.js'

const who = (lastName: string, firstName: string | null, email: string | null = null) => ({
  clientNumber: null,
  lastName,
  firstName,
  email,
})

describe('identitiesDiffer', () => {
  test('other last AND first names, other emails: someone else', () => {
    expect(identitiesDiffer(who("D'Artagnan", 'Charles', 'c@x.fr'), who('Dupond', 'Jean', 'j@x.fr'))).toBe(
      true,
    )
    expect(identitiesDiffer(who('Martin', 'Paul'), who('Lambert', 'Sophie', 's@x.fr'))).toBe(true)
  })

  test('a typo, a same last or first name, a missing first name, a same email, a fuller name: the same person', () => {
    expect(identitiesDiffer(who('Dupont', 'Jean', 'j@x.fr'), who('Dupond', 'Jean', 'j@x.fr'))).toBe(false)
    expect(identitiesDiffer(who('Dupont', 'Jean', 'a@x.fr'), who('Dupont', 'Marie', 'b@x.fr'))).toBe(false)
    expect(identitiesDiffer(who('Martin', 'Jean', 'a@x.fr'), who('Durand', 'Jean', 'b@x.fr'))).toBe(false)
    expect(identitiesDiffer(who('Dupont', 'Jean', 'j@x.fr'), who('Whatever', null, 'k@x.fr'))).toBe(false)
    expect(identitiesDiffer(who('Dupont', 'Jean', 'j@x.fr'), who('Durand', 'Marie', 'j@x.fr'))).toBe(false)
    expect(identitiesDiffer(who("O'Brien", 'Sam'), who('O’Brien "Junior"', 'Sam Second'))).toBe(false)
  })

  test('pointed at by the email itself, the names decide', () => {
    expect(identitiesDiffer(who('Dupont', 'Jean', 'j@x.fr'), who('Durand', 'Marie', 'j@x.fr'), true)).toBe(
      true,
    )
  })

  test('both identities side by side for the message', () => {
    expect(
      conflictDetail(35, {
        via: 'clientNumber',
        value: 'CX-09001',
        existing: {
          id: 1,
          ...who("D'Artagnan", 'Charles', 'charles.dartagnan1@example.fr'),
          clientNumber: 'CX-09001',
        },
        row: who('Dupond', 'Jean', 'jean.dupond1@example.fr'),
      }),
    ).toEqual({
      line: 35,
      value: 'CX-09001',
      existing: "D'Artagnan Charles, charles.dartagnan1@example.fr",
      row: 'Dupond Jean, jean.dupond1@example.fr',
    })
  })
})
