import { jest } from '@jest/globals'
import { BaseRecord, populator, type ActionContext, type BaseResource } from 'adminjs'
import { populateRecords, recordOf } from './pageRecords.js'

type Found = (ids: (string | number)[]) => Promise<BaseRecord[]>

/** A resource as AdminJS's populator reads it: its flattened properties, and `findMany`. */
function resourceWith(
  properties: Record<string, { isArray?: boolean; reference?: BaseResource | null }>,
  findMany?: Found,
): BaseResource {
  // Its id is `id` (BaseRecord#id asks the resource's properties).
  const id = { isId: () => true, name: () => 'id', path: () => 'id' }
  const resource = { findMany, properties: () => [id] } as unknown as Omit<BaseResource, 'decorate'> & {
    decorate: () => unknown
  }
  const decorated = {
    getFlattenProperties: () =>
      Object.fromEntries(
        Object.entries(properties).map(([path, p]) => [
          path,
          {
            propertyPath: path,
            isArray: () => p.isArray ?? false,
            reference: () => p.reference ?? null,
            resource: () => ({ id: () => 'Client' }),
          },
        ]),
      ),
  }
  resource.decorate = () => decorated
  return resource as unknown as BaseResource
}

const context = {} as ActionContext

describe('recordOf (a record of plain values, as new BaseRecord makes it)', () => {
  const resource = resourceWith({})

  test('a row of plain values and dates: the same params, copied', () => {
    const createdAt = new Date('2026-12-07T10:00:00Z')
    const row = { id: 4, lastName: 'Adam', email: null, createdAt, balance: '0.00', active: true }
    const record = recordOf(row, resource)
    expect(record.params).toEqual(new BaseRecord(row, resource).params)
    expect(record.params.createdAt).toBe(createdAt)
    expect(record.params).not.toBe(row)
    expect(record.resource).toBe(resource)
    expect(record.populated).toEqual({})
  })

  test('a row holding an object or an array: flattened as BaseRecord does', () => {
    const row = { id: 5, address: { city: 'Lyon' }, tags: ['a', 'b'], data: Buffer.from('x') }
    expect(recordOf(row, resource).params).toEqual(new BaseRecord(row, resource).params)
    expect(recordOf(row, resource).params['address.city']).toBe('Lyon')
  })
})

describe('populateRecords (AdminJS populator, the references worked out once)', () => {
  const advisorResource = resourceWith({})
  const advisor = (id: number) => new BaseRecord({ id, lastName: `A${id}` }, advisorResource)
  const findMany = jest.fn<Found>(async (ids) =>
    ids.map(Number).flatMap((id) => (id === 99 ? [] : [advisor(id)])),
  )
  Object.assign(advisorResource, { findMany })

  beforeEach(() => findMany.mockClear())

  test('one findMany per reference, each record given the record its id names, as AdminJS does', async () => {
    const clients = resourceWith({ id: {}, lastName: {}, advisorId: { reference: advisorResource } })
    const rows = [
      { id: 1, advisorId: 7 },
      { id: 2, advisorId: 8 },
      { id: 3, advisorId: null },
      { id: 4, advisorId: 7 },
    ]
    const ours = await populateRecords(
      rows.map((r) => recordOf(r, clients)),
      context,
    )
    expect(findMany).toHaveBeenCalledTimes(1)
    expect(findMany.mock.calls[0][0]).toEqual([7, 8])
    const theirs = await populator(
      rows.map((r) => new BaseRecord(r, clients)),
      context,
    )
    const shown = (records: BaseRecord[]) =>
      records.map((r) => Object.fromEntries(Object.entries(r.populated).map(([k, v]) => [k, v?.params])))
    expect(shown(ours)).toEqual(shown(theirs))
    expect(ours[0].populated.advisorId?.params.lastName).toBe('A7')
    expect(ours[2].populated).toEqual({})
  })

  test('an id whose record is not found leaves the reference unpopulated', async () => {
    const clients = resourceWith({ advisorId: { reference: advisorResource } })
    const [record] = await populateRecords([recordOf({ id: 1, advisorId: 99 }, clients)], context)
    expect(findMany).toHaveBeenCalledTimes(1)
    expect(record.populated).toEqual({})
  })

  test('no record, or no reference set: no query', async () => {
    const clients = resourceWith({ advisorId: { reference: advisorResource } })
    expect(await populateRecords([], context)).toEqual([])
    await populateRecords([recordOf({ id: 1, advisorId: null }, clients)], context)
    expect(findMany).not.toHaveBeenCalled()
  })

  test('a reference inside an array: AdminJS populator does it', async () => {
    const clients = resourceWith({ advisorIds: { isArray: true, reference: advisorResource } })
    const [record] = await populateRecords([recordOf({ id: 1, advisorIds: [7, 8] }, clients)], context)
    expect(findMany).toHaveBeenCalledTimes(1)
    expect(Object.keys(record.populated).sort()).toEqual(['advisorIds.0', 'advisorIds.1'])
  })
})
