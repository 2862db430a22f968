import { jest } from '@jest/globals'
import type { ActionContext, ActionRequest, RecordActionResponse } from 'adminjs'
import { DatabaseUnavailableError } from '../../services/core/errors.js'
import { applies, recordFormAction } from './clientActionSpecs.js'

describe('applies (when a record action shows for a client)', () => {
  test('no condition: always', () => {
    expect(applies(undefined, {})).toBe(true)
    expect(applies({}, { status: 'banned' })).toBe(true)
  })

  test('status among, and status not among', () => {
    expect(applies({ status: ['active'] }, { status: 'active' })).toBe(true)
    expect(applies({ status: ['active'] }, { status: 'suspended' })).toBe(false)
    expect(applies({ status: ['suspended', 'banned'] }, { status: 'banned' })).toBe(true)
    expect(applies({ notStatus: ['deleted'] }, { status: 'deleted' })).toBe(false)
    expect(applies({ notStatus: ['deleted'] }, { status: 'pending' })).toBe(true)
    // A record without a status is in no list.
    expect(applies({ status: ['active'] }, {})).toBe(false)
    expect(applies({ notStatus: ['active'] }, {})).toBe(true)
  })

  test('properties set and not set', () => {
    expect(applies({ has: ['email'] }, { email: 'a@b.fr' })).toBe(true)
    expect(applies({ has: ['email'] }, { email: '' })).toBe(false)
    expect(applies({ has: ['email'] }, { email: null })).toBe(false)
    expect(applies({ hasNot: ['anonymisedAt'] }, { anonymisedAt: '2026-01-01' })).toBe(false)
    expect(applies({ hasNot: ['anonymisedAt'] }, { anonymisedAt: null })).toBe(true)
  })

  test('every condition must hold', () => {
    const when = { status: ['pending'], has: ['email'] }
    expect(applies(when, { status: 'pending', email: 'a@b.fr' })).toBe(true)
    expect(applies(when, { status: 'pending', email: null })).toBe(false)
    expect(applies(when, { status: 'active', email: 'a@b.fr' })).toBe(false)
  })
})

describe('recordFormAction (what a POST builds)', () => {
  const done = { changed: [7], skipped: [], emails: { queued: 0, failed: 0, error: null } }

  /** A record as AdminJS hands it to a record action: its JSON counted. */
  function fakeContext(fresh: () => Promise<unknown[]>) {
    const resource = {
      decorate: () => ({ id: () => 'Client', getFlattenProperties: () => ({}) }),
      findMany: jest.fn(async () => (await fresh()).map((json) => ({ resource, toJSON: () => json }))),
    }
    const record = { id: () => '7', toJSON: jest.fn(() => ({ id: '7', params: { status: 'active' } })) }
    const context = {
      record,
      resource,
      currentAdmin: { email: 'admin@example.com' },
      h: { recordActionUrl: () => '/admin/resources/Client/records/7/show' },
    }
    return { record, context: context as unknown as ActionContext }
  }

  const action = recordFormAction(
    { ClientActionForm: 'ClientActionForm' },
    {
      name: 'suspend',
      icon: 'PauseCircle',
      group: 'status',
      handler: async () => done,
      success: 'clientSuspended',
    },
  )
  const post = { method: 'post', payload: {} } as unknown as ActionRequest
  const run = (request: ActionRequest, context: ActionContext) =>
    (action.handler as (r: ActionRequest, s: unknown, c: ActionContext) => Promise<RecordActionResponse>)(
      request,
      {},
      context,
    )

  test('a POST answers with the record as it now is, without serialising the one read before', async () => {
    const { record, context } = fakeContext(async () => [{ id: '7', params: { status: 'suspended' } }])
    const res = await run(post, context)
    expect(res.record).toEqual({ id: '7', params: { status: 'suspended' } })
    expect(res.notice).toMatchObject({ type: 'success', message: 'clientSuspended' })
    expect(record.toJSON).not.toHaveBeenCalled()
  })

  test('the record read before answers when the one after the change cannot be read, and a GET', async () => {
    const { record, context } = fakeContext(() => Promise.reject(new DatabaseUnavailableError()))
    const res = await run(post, context)
    expect(res.record).toEqual({ id: '7', params: { status: 'active' } })
    expect(res.notice).toMatchObject({ type: 'success' })
    expect(record.toJSON).toHaveBeenCalledTimes(1)
    const get = await run({ method: 'get' } as unknown as ActionRequest, context)
    expect(get.record).toEqual({ id: '7', params: { status: 'active' } })
  })
})
