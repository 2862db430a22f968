import { AccountRefused } from './accountRefused.js'
import { clientAreaActor, readMark, refuseWhileImpersonating } from './impersonationMark.js'

describe('the impersonation mark', () => {
  test('only a mark the plugin made is read as one', () => {
    expect(readMark({ id: 7, admin: 'admin@example.com', expiresAt: 1 })).toEqual({
      id: 7,
      admin: 'admin@example.com',
    })
    for (const bad of [undefined, null, 'x', { id: '7', admin: 'a' }, { id: 0, admin: 'a' }, { id: 7 }]) {
      expect(readMark(bad)).toBeNull()
    }
  })

  test('any mark refuses the password, email and 2FA; none lets them through', () => {
    expect(() => refuseWhileImpersonating({ id: 7, admin: 'admin@example.com' })).toThrow(AccountRefused)
    expect(() => refuseWhileImpersonating({ id: 'forged' })).toThrow(
      expect.objectContaining({ reason: 'impersonating' }),
    )
    expect(() => refuseWhileImpersonating(undefined)).not.toThrow()
    expect(() => refuseWhileImpersonating(null)).not.toThrow()
  })

  test('a client-area event names the admin while impersonating, the client otherwise', () => {
    expect(clientAreaActor('jean@example.fr', '203.0.113.9', { id: 7, admin: 'admin@example.com' })).toEqual({
      actor: { type: 'admin', email: 'admin@example.com', ip: '203.0.113.9' },
      data: { asClient: true, impersonationId: 7 },
    })
    expect(clientAreaActor('jean@example.fr', '203.0.113.9', undefined)).toEqual({
      actor: { type: 'client', email: 'jean@example.fr', ip: '203.0.113.9' },
      data: null,
    })
  })
})
