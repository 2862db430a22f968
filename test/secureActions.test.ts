import { ForbiddenError, type ActionContext, type ActionRequest, type Before } from 'adminjs'
import { Client } from '../src/index.js'
import { AccessControl } from '../src/services/core/accessControl.js'
import { secureActions } from '../src/resources/secureActions.js'

describe('secureActions rights', () => {
  const access = new AccessControl({ reader: ['show'], lister: ['list'], admin: '*' })
  const actions = secureActions(
    { access, dataSource: {} as never },
    {
      resourceId: 'Client',
      entity: Client,
      custom: { tab: { actionType: 'record' }, other: { actionType: 'record' } },
      rights: { tab: 'show' },
    },
  )
  const context = (role: string) =>
    ({ currentAdmin: { email: `${role}@x.test`, role } }) as unknown as ActionContext
  const accessible = (name: string, role: string) =>
    (actions[name].isAccessible as (c: ActionContext) => boolean)(context(role))

  test('a custom action given the right of `show` is open to whoever may show, and only to them', () => {
    expect([accessible('tab', 'reader'), accessible('tab', 'lister'), accessible('tab', 'admin')]).toEqual([
      true,
      false,
      true,
    ])
    // Without a mapped right, its own name is the right.
    expect(accessible('other', 'reader')).toBe(false)
    const [guard] = actions.tab.before as Before[]
    const request = { method: 'get' } as ActionRequest
    // The guard is synchronous: it returns the request or throws before anything runs.
    expect(guard(request, context('reader'))).toBe(request)
    expect(() => guard(request, context('lister'))).toThrow(ForbiddenError)
  })
})
