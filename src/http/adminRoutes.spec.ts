import type { ActionDecorator, BaseResource } from 'adminjs'
import { adminRouteOf, isWellFormedId, servesRouteType } from './adminRoutes.js'

const resourceWithIdType = (type: string) =>
  ({
    decorate: () => ({ properties: { id: { isId: () => true, type: () => type } } }),
  }) as unknown as BaseResource

const actionOfType = (actionType: string | string[]) =>
  ({
    isRecordType: () => actionType.includes('record'),
    isBulkType: () => actionType.includes('bulk'),
    isResourceType: () => actionType.includes('resource'),
  }) as unknown as ActionDecorator

describe('adminRouteOf', () => {
  test("every shape of AdminJS's router and of ours, API and pages", () => {
    const action = (resourceId: string, name: string, type: string, recordId?: string) => ({
      kind: 'action',
      resourceId,
      action: name,
      type,
      ...(recordId === undefined ? {} : { recordId }),
    })
    expect(adminRouteOf('/api/resources/Client/actions/list')).toEqual(action('Client', 'list', 'resource'))
    expect(adminRouteOf('/resources/Client/actions/new')).toEqual(action('Client', 'new', 'resource'))
    expect(adminRouteOf('/api/resources/Client/actions/search/dup')).toEqual(
      action('Client', 'search', 'resource'),
    )
    expect(adminRouteOf('/api/resources/Client/search/dup')).toEqual(action('Client', 'search', 'resource'))
    expect(adminRouteOf('/api/resources/Client/search')).toEqual(action('Client', 'search', 'resource'))
    expect(adminRouteOf('/api/resources/Client/records/5/show')).toEqual(
      action('Client', 'show', 'record', '5'),
    )
    expect(adminRouteOf('/resources/Client/records/5/edit')).toEqual(action('Client', 'edit', 'record', '5'))
    expect(adminRouteOf('/api/resources/Client/bulk/bulkBan')).toEqual(action('Client', 'bulkBan', 'bulk'))
    expect(adminRouteOf('/resources/Client/bulk/bulkBan')).toEqual(action('Client', 'bulkBan', 'bulk'))
    expect(adminRouteOf('/api/resources/Client/download/export')).toEqual({
      ...action('Client', 'export', 'resource'),
      download: true,
    })
    expect(adminRouteOf('/api/resources/Client/records/5/download/gdprArchive')).toEqual({
      ...action('Client', 'gdprArchive', 'record', '5'),
      download: true,
    })
    expect(adminRouteOf('/resources/Client')).toEqual({ kind: 'resource', resourceId: 'Client' })
    expect(adminRouteOf('/api/pages/emails')).toEqual({ kind: 'page', name: 'emails' })
    expect(adminRouteOf('/pages/emails')).toEqual({ kind: 'page', name: 'emails' })
  })

  test('as Express matches them: any case, a trailing slash; parts decoded once', () => {
    expect(adminRouteOf('/API/Resources/Client/RECORDS/5/list/')).toMatchObject({
      action: 'list',
      type: 'record',
      recordId: '5',
    })
    expect(adminRouteOf('/api/resources/Crm%20Client/records/5%2F/show')).toMatchObject({
      resourceId: 'Crm Client',
      recordId: '5/',
    })
    expect(adminRouteOf('/api/resources/%2541/actions/list')).toMatchObject({ resourceId: '%41' })
    expect(adminRouteOf('/api/resources/%E0%A4%A/actions/list')).toBe('malformed')
  })

  test('paths of no route of the panel: null (they go on to a 404)', () => {
    for (const path of [
      '/',
      '/login',
      '/api/dashboard',
      '/frontend/assets/app.bundle.js',
      '/api/resources/Client/records/5',
      '/api/resources/Client/records/5/show/extra',
      '/api/resources/Client/bulk',
      '/api/resources/Client/nope/list',
    ])
      expect([path, adminRouteOf(path)]).toEqual([path, null])
  })
})

describe('servesRouteType', () => {
  test("one type, or a list of them (AdminJS allows `actionType: ['record', 'bulk']`)", () => {
    expect(servesRouteType(actionOfType('record'), 'record')).toBe(true)
    expect(servesRouteType(actionOfType('record'), 'bulk')).toBe(false)
    expect(servesRouteType(actionOfType('record'), 'resource')).toBe(false)
    expect(servesRouteType(actionOfType(['record', 'bulk']), 'bulk')).toBe(true)
    expect(servesRouteType(actionOfType(['record', 'bulk']), 'resource')).toBe(false)
    expect(servesRouteType(actionOfType('resource'), 'resource')).toBe(true)
  })
})

describe('isWellFormedId', () => {
  test("by the resource's id type", () => {
    const numbers = resourceWithIdType('number')
    for (const id of ['1', '42', '9007199254740991'])
      expect([id, isWellFormedId(numbers, id)]).toEqual([id, true])
    for (const id of ['', '0', '-1', '01', 'abc', '1.5', '1e3', 'NaN', '9007199254740993', ' 1'])
      expect([id, isWellFormedId(numbers, id)]).toEqual([id, false])
    const uuids = resourceWithIdType('uuid')
    expect(isWellFormedId(uuids, '3f2b8c1e-1d2a-4b3c-9d4e-5f6a7b8c9d0e')).toBe(true)
    expect(isWellFormedId(uuids, '5')).toBe(false)
    const texts = resourceWithIdType('string')
    expect(isWellFormedId(texts, 'security.bcryptCost')).toBe(true)
    expect(isWellFormedId(texts, '')).toBe(false)
    expect(isWellFormedId(texts, 'a\u0000b')).toBe(false)
    expect(isWellFormedId(texts, 'x'.repeat(256))).toBe(false)
  })
})
