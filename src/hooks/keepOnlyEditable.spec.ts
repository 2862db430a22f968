import type { ActionContext, ActionRequest } from 'adminjs'
import { keepOnlyEditable } from './keepOnlyEditable.js'

const run = (editable: string[], payload?: Record<string, unknown>) =>
  keepOnlyEditable(editable)(
    { method: 'post', payload } as ActionRequest,
    {} as ActionContext,
  ) as Promise<ActionRequest>

describe('keepOnlyEditable', () => {
  test('drops every field the form does not show, whatever the request sends', async () => {
    const out = await run(['lastName', 'email'], {
      lastName: 'Dupont',
      email: 'a@b.fr',
      status: 'active',
      passwordHash: 'x',
      id: '7',
    })
    expect(out.payload).toEqual({ lastName: 'Dupont', email: 'a@b.fr' })
  })

  test('keeps the flattened keys of an allowed field (tags.0), not of a field that only starts alike', async () => {
    const out = await run(['tags'], { 'tags.0': 'vip', 'tags.1': 'new', tagsExtra: 'x', 'tagsX.0': 'y' })
    expect(out.payload).toEqual({ 'tags.0': 'vip', 'tags.1': 'new' })
  })

  test('a name ending in * keeps every field it starts (the custom fields), nothing else', async () => {
    const out = await run(['lastName', 'cf__*'], {
      lastName: 'D',
      cf__birth: '2000-01-01',
      cf_x: '1',
      status: 'a',
    })
    expect(out.payload).toEqual({ lastName: 'D', cf__birth: '2000-01-01' })
  })

  test('nothing editable: an empty payload; no payload: the request as it was', async () => {
    expect((await run([], { lastName: 'Dupont' })).payload).toEqual({})
    expect((await run(['lastName'])).payload).toBeUndefined()
  })
})
