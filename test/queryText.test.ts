import { ClientList } from '../src/services/list/clientList.js'
import { readListQuery } from '../src/services/list/clientListQuery.js'
import { queryAndParameters, queryText } from '../src/services/core/queryText.js'
import { describeEachDatabase } from './support/databases.js'

const defaults = { perPage: 20, maxPerPage: 500, sortBy: 'lastName' as const, direction: 'asc' as const }
const query = (params: Record<string, unknown>, filters: Record<string, unknown> = {}) =>
  readListQuery({ ...params, filters }, defaults)

// Every filter of the list, and searches of each kind: the text made once per shape must be the
// text TypeORM makes for that builder, and the parameters those of its own values.
const SHAPES: [string, ReturnType<typeof query>, ReturnType<typeof query>][] = [
  ['no filter', query({}), query({})],
  ['page 3 against page 4', query({ page: '3' }), query({ page: '4' })],
  ['by date, descending', query({ sortBy: 'createdAt', direction: 'desc' }), query({ sortBy: 'createdAt' })],
  ['a name', query({}, { q: 'dupo' }), query({}, { q: 'mart' })],
  ['two words', query({}, { q: 'jean dupont' }), query({}, { q: 'marie durand' })],
  ['a phone', query({}, { q: '+33 6 12 34 56 78' }), query({}, { q: '06 98 76 54 32' })],
  ['a domain', query({}, { q: '@acme.fr' }), query({}, { q: '@exemple.org' })],
  ['an advisor', query({}, { advisorId: '3' }), query({}, { advisorId: '7' })],
  ['a status', query({}, { status: 'active' }), query({}, { status: 'suspended' })],
  [
    'contracts and consent',
    query({}, { hasActiveContracts: 'true', marketingConsent: 'unknown', contractStatus: 'active' }),
    query({}, { hasActiveContracts: 'false', marketingConsent: 'unknown', contractStatus: 'terminated' }),
  ],
  [
    'dates and locale',
    query({}, { 'createdAt~~from': '2024-01-01', locale: 'fr' }),
    query({}, { 'createdAt~~from': '2025-06-30', locale: 'en' }),
  ],
]

describeEachDatabase('query text made once per shape', (database) => {
  test.each(SHAPES)('%s: the same text and parameters as TypeORM makes', (_name, first, second) => {
    const list = new ClientList(database().dataSource)
    for (const listQuery of [first, second, first]) {
      const { ids } = list.pageIdsQuery(listQuery, null)
      expect(queryText(ids)).toBe(ids.getQuery())
      expect(queryAndParameters(ids)).toEqual(ids.getQueryAndParameters())
    }
  })

  test("a contract reference's clients, two and three of them: TypeORM's text and parameters", () => {
    const list = new ClientList(database().dataSource)
    for (const clients of [
      [4, 5],
      [1, 2, 3],
      [4, 5],
    ]) {
      const { ids } = list.pageIdsQuery(query({}, { q: 'CTR-2024' }), clients)
      expect(queryAndParameters(ids)).toEqual(ids.getQueryAndParameters())
    }
  })

  test('another shape is another text: the page, the order and the filters are in the key', () => {
    const list = new ClientList(database().dataSource)
    const text = (listQuery: ReturnType<typeof query>) => queryText(list.pageIdsQuery(listQuery, null).ids)
    const texts = [
      text(query({})),
      text(query({ page: '2' })),
      text(query({ direction: 'desc' })),
      text(query({}, { status: 'active' })),
      text(query({}, { q: 'dupo' })),
      text(query({}, { q: '06 12 34 56' })),
      text(query({}, { advisorId: '3' })),
    ]
    expect(new Set(texts).size).toBe(texts.length)
  })

  test('the same shape with other values: one text, each its own parameters', () => {
    const list = new ClientList(database().dataSource)
    const a = list.pageIdsQuery(query({}, { q: 'dupo', status: 'active' }), null).ids
    const b = list.pageIdsQuery(query({}, { q: 'mart', status: 'banned' }), null).ids
    expect(queryText(a)).toBe(queryText(b))
    expect(queryAndParameters(a)[1]).not.toEqual(queryAndParameters(b)[1])
    expect(queryAndParameters(b)).toEqual(b.getQueryAndParameters())
  })
})
