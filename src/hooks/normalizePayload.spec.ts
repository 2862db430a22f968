import type { ActionContext, ActionRequest } from 'adminjs'
import type { DataSource } from 'typeorm'
import { normalizePayload } from './normalizePayload.js'

// Only the metadata is read: a DataSource that knows one entity's columns.
const columns = [
  { propertyName: 'lastName', isNullable: false },
  { propertyName: 'email', isNullable: true },
  { propertyName: 'birthDate', isNullable: true },
  { propertyName: 'note', isNullable: false },
]
const dataSource = { getMetadata: () => ({ columns }) } as unknown as DataSource
const hook = normalizePayload(dataSource, 'Client')
const run = (request: Partial<ActionRequest>) =>
  hook(request as ActionRequest, {} as ActionContext) as Promise<ActionRequest>

describe('normalizePayload', () => {
  test('trims strings, lower-cases the email, turns an empty nullable field into NULL', async () => {
    const out = await run({
      method: 'post',
      payload: { lastName: '  Dupont ', email: ' Jean.DUPONT@Example.FR ', birthDate: '   ', note: '' },
    })
    expect(out.payload).toEqual({
      lastName: 'Dupont',
      email: 'jean.dupont@example.fr',
      birthDate: null,
      note: '',
    })
  })

  test('leaves what is not a string, or not a column, as it came', async () => {
    const payload = { lastName: 12, email: null, extra: '  kept  ', 'lastName.0': ' x ' }
    const out = await run({ method: 'post', payload })
    expect(out.payload).toEqual(payload)
  })

  test('a GET, or a POST without payload, passes through untouched', async () => {
    const get = { method: 'get' as const, payload: { lastName: '  Dupont ' } }
    expect(await run(get)).toBe(get)
    const empty = { method: 'post' as const }
    expect(await run(empty)).toBe(empty)
  })

  test('does not change the request it was given', async () => {
    const payload = { lastName: ' Dupont ' }
    await run({ method: 'post', payload })
    expect(payload).toEqual({ lastName: ' Dupont ' })
  })
})
