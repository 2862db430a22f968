import type { ActionContext, ActionRequest } from 'adminjs'
import type { DataSource } from 'typeorm'
import { warnDuplicates } from './warnDuplicates.js'

// The paths that decide without the database: a DataSource that fails if it is asked anything.
const untouched = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the database was queried')
    },
  },
) as DataSource
const hook = warnDuplicates(untouched)
const recordWith = (params: Record<string, unknown>) =>
  ({ record: { params, id: () => '7' } }) as unknown as ActionContext
const run = (request: Partial<ActionRequest>, context = {} as ActionContext) =>
  hook(request as ActionRequest, context) as Promise<ActionRequest>

describe('warnDuplicates', () => {
  test('"save anyway" ticked: no lookup, and the checkbox is not written', async () => {
    for (const ticked of [true, 'true']) {
      const out = await run({ method: 'post', payload: { lastName: 'Dupont', ignoreDuplicates: ticked } })
      expect(out.payload).toEqual({ lastName: 'Dupont' })
    }
  })

  test('an edit that leaves who the client is alone is not asked again (values compared as text)', async () => {
    const current = { email: 'a@b.fr', phone: null, lastName: 'Dupont', firstName: 'Jean', postalCode: 75001 }
    const out = await run(
      { method: 'post', payload: { city: 'Lyon', postalCode: '75001', ignoreDuplicates: 'false' } },
      recordWith(current),
    )
    expect(out.payload).toEqual({ city: 'Lyon', postalCode: '75001' })
  })

  test('an edit of the name is looked up (here: the database is reached)', async () => {
    const current = { email: 'a@b.fr', lastName: 'Dupont' }
    await expect(
      run({ method: 'post', payload: { lastName: 'Durand' } }, recordWith(current)),
    ).rejects.toThrow('the database was queried')
  })

  test('a GET passes through', async () => {
    const get = { method: 'get' as const, payload: { lastName: 'x' } }
    expect(await run(get)).toBe(get)
  })
})
