import { ValidationError, type ActionContext, type ActionRequest } from 'adminjs'
import type { DataSource } from 'typeorm'
import { validateRecord, type RecordRules } from './validateRecord.js'

// What the hook reads of TypeORM: the columns' metadata, and `exists` for the unique fields
// (answered here from a list of taken values, recording what it was asked).
const columns: Record<string, object> = {
  id: { type: 'int', isNullable: false, length: '' },
  lastName: { type: 'varchar', isNullable: false, length: '20' },
  email: { type: 'varchar', isNullable: true, length: '' },
  amount: { type: 'decimal', isNullable: true, length: '', precision: 12, scale: 2 },
  startDate: { type: 'date', isNullable: true, length: '' },
  status: { type: 'varchar', isNullable: false, length: '' },
}
function fakeDataSource(taken: Record<string, string[]>) {
  const asked: Record<string, unknown>[] = []
  const dataSource = {
    getMetadata: () => ({
      findColumnWithPropertyName: (name: string) => columns[name],
      primaryColumns: [{ propertyName: 'id' }],
    }),
    getRepository: () => ({
      exists: async ({ where }: { where: Record<string, unknown> }) => {
        asked.push(where)
        return Object.entries(where).some(([k, v]) => taken[k]?.includes(String(v)))
      },
    }),
  } as unknown as DataSource
  return { dataSource, asked }
}
const context = (action: 'new' | 'edit', recordId?: string) =>
  ({
    action: { name: action },
    record: recordId ? { id: () => recordId } : undefined,
    resource: {
      decorate: () => ({
        getPropertyByKey: (key: string) =>
          key === 'status'
            ? { availableValues: () => [{ value: 'active' }, { value: 'banned' }] }
            : undefined,
      }),
    },
  }) as unknown as ActionContext

async function errorsOf(
  rules: RecordRules,
  payload: Record<string, unknown>,
  action: 'new' | 'edit' = 'new',
  taken: Record<string, string[]> = {},
) {
  const { dataSource } = fakeDataSource(taken)
  let status: number | undefined
  const request = { method: 'post', payload, res: { status: (code: number) => (status = code) } }
  try {
    await validateRecord(
      dataSource,
      'Client',
      rules,
    )(request as unknown as ActionRequest, context(action, '7'))
    return { errors: null, status }
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    const fields = (error as ValidationError).propertyErrors
    return { errors: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.message])), status }
  }
}

describe('validateRecord', () => {
  test('a good payload passes, the request unchanged', async () => {
    const rules = { required: ['lastName'], emails: ['email'], decimals: ['amount'], dates: ['startDate'] }
    const payload = {
      lastName: 'Dupont',
      email: 'a@b.fr',
      amount: '12.50',
      startDate: '2025-03-01',
      status: 'active',
    }
    expect(await errorsOf(rules, payload)).toEqual({ errors: null, status: undefined })
  })

  test('required: on create always, on edit only when sent', async () => {
    expect((await errorsOf({ required: ['lastName'] }, {})).errors).toEqual({ lastName: 'fieldRequired' })
    expect((await errorsOf({ required: ['lastName'] }, {}, 'edit')).errors).toBeNull()
    expect((await errorsOf({ required: ['lastName'] }, { lastName: '  ' }, 'edit')).errors).toEqual({
      lastName: 'fieldRequired',
    })
  })

  test('each field its first problem: the column check before the rules', async () => {
    const { errors, status } = await errorsOf(
      { required: ['lastName'], emails: ['email'], decimals: ['amount'], dates: ['startDate'] },
      {
        lastName: 'x'.repeat(21),
        email: 'not-an-email',
        amount: '12,5',
        startDate: '2025-02-30',
        status: 'root',
      },
    )
    expect(errors).toEqual({
      lastName: 'tooLong',
      email: 'invalidEmail',
      amount: 'invalidNumber',
      startDate: 'invalidDate',
      status: 'invalidChoice',
    })
    // Typing mistakes: AdminJS's usual answer, not a 400.
    expect(status).toBeUndefined()
  })

  test('an array or object (flattened keys) or a value for an unknown field that is not plain: 400', async () => {
    const nested = await errorsOf({}, { 'lastName.0': 'a', 'lastName.1': 'b' })
    expect(nested).toEqual({ errors: { lastName: 'invalidValue' }, status: 400 })
    const unknown = await errorsOf({}, { notAColumn: { a: 1 } })
    expect(unknown).toEqual({ errors: { notAColumn: 'invalidValue' }, status: 400 })
    expect((await errorsOf({}, { notAColumn: 'plain' })).errors).toBeNull()
  })

  test('unique: taken by another row is refused; on edit the record itself is left out of the lookup', async () => {
    const taken = { email: ['taken@b.fr'] }
    expect((await errorsOf({ unique: ['email'] }, { email: 'taken@b.fr' }, 'new', taken)).errors).toEqual({
      email: 'alreadyTaken',
    })
    expect((await errorsOf({ unique: ['email'] }, { email: 'free@b.fr' }, 'new', taken)).errors).toBeNull()
    const { dataSource, asked } = fakeDataSource(taken)
    await validateRecord(dataSource, 'Client', { unique: ['email'] })(
      { method: 'post', payload: { email: 'free@b.fr' } } as unknown as ActionRequest,
      context('edit', '7'),
    )
    expect(asked).toHaveLength(1)
    expect(asked[0].email).toBe('free@b.fr')
    expect(JSON.stringify(asked[0].id)).toContain('7')
  })

  test('a unique field already wrong, or empty, is not looked up', async () => {
    const { dataSource, asked } = fakeDataSource({})
    await expect(
      validateRecord(dataSource, 'Client', { unique: ['lastName', 'email'] })(
        { method: 'post', payload: { lastName: 'x'.repeat(30), email: '' } } as unknown as ActionRequest,
        context('new'),
      ),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(asked).toEqual([])
  })

  test('a GET is not checked', async () => {
    const { dataSource } = fakeDataSource({})
    const get = { method: 'get', payload: { lastName: 'x'.repeat(30) } } as unknown as ActionRequest
    expect(await validateRecord(dataSource, 'Client', { required: ['email'] })(get, context('new'))).toBe(get)
  })
})
