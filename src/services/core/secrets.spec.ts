import type { ActionContext, ActionRequest, ActionResponse, RecordJSON } from 'adminjs'
import { dropSecretsFromPayload, stripSecretsFromResponse } from './secrets.js'

const record = (params: Record<string, unknown>, populated: RecordJSON['populated'] = {}) =>
  ({ id: '1', title: 't', params, populated, errors: {} }) as unknown as RecordJSON
const after = (response: ActionResponse) =>
  stripSecretsFromResponse(
    response,
    {} as unknown as ActionRequest,
    {} as ActionContext,
  ) as Promise<ActionResponse>

describe('stripSecretsFromResponse', () => {
  test('removes secret params of the record, flattened or not, and of its populated references', async () => {
    const out = await after({
      record: record(
        { lastName: 'Dupont', passwordHash: '$argon2id$x', 'client.twoFactorSecret': 'JBSW', token: 't' },
        { clientId: record({ email: 'a@b.fr', tokenHash: 'h' }), advisorId: null },
      ),
    })
    expect(out.record.params).toEqual({ lastName: 'Dupont' })
    expect(out.record.populated.clientId.params).toEqual({ email: 'a@b.fr' })
    expect(out.record.populated.advisorId).toBeNull()
  })

  test('every record of a list, and nothing else of the response, changes', async () => {
    const response = {
      records: [record({ id: 1, pendingContent: 'link' }), record({ id: 2, stripeSecretKey: 'sk' })],
      meta: { total: 2 },
      notice: { message: 'ok' },
    }
    const out = await after(response)
    expect(out.records.map((r: RecordJSON) => r.params)).toEqual([{ id: 1 }, { id: 2 }])
    expect(out.meta).toBe(response.meta)
    expect(out.notice).toBe(response.notice)
    // The response it was given keeps its values (a copy is returned).
    expect(response.records[0].params.pendingContent).toBe('link')
  })

  test('a record without secrets is given back as it is, one with a secret or a lean reference is copied', async () => {
    const clean = record({ id: 1, lastName: 'Dupont' }, { advisorId: record({ id: 7 }) })
    const secret = record({ id: 2, passwordHash: 'h' })
    // A lean reference (a row's advisor: its id, title and action names) gets empty params and populated.
    const lean = record(
      { id: 3 },
      {
        advisorId: { id: '7', title: 'A', actionNames: ['show'] } as unknown as RecordJSON,
      },
    )
    const out = await after({ records: [clean, secret, lean] })
    expect(out.records[0]).toBe(clean)
    expect(out.records[1]).not.toBe(secret)
    expect(out.records[1].params).toEqual({ id: 2 })
    expect(out.records[2]).not.toBe(lean)
    expect(out.records[2].populated.advisorId).toEqual({
      id: '7',
      title: 'A',
      actionNames: ['show'],
      params: {},
      populated: {},
    })
  })

  test('an empty answer passes through', async () => {
    expect(await after(undefined as unknown as ActionResponse)).toBeUndefined()
    expect(await after({ notice: { message: 'x' } } as ActionResponse)).toEqual({ notice: { message: 'x' } })
  })
})

describe('dropSecretsFromPayload', () => {
  test('a payload never writes a secret column, even nested under another name', async () => {
    const out = (await dropSecretsFromPayload(
      {
        method: 'post',
        payload: {
          lastName: 'Dupont',
          password: 'p',
          passwordConfirmation: 'p',
          'x.passwordHash': 'h',
          tokenish: 1,
        },
      } as unknown as ActionRequest,
      {} as ActionContext,
    )) as unknown as ActionRequest
    expect(out.payload).toEqual({ lastName: 'Dupont', tokenish: 1 })
  })
})
