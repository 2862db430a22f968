import { ValidationError, type ActionContext, type ActionHandler, type ActionRequest } from 'adminjs'
import type { GdprActionDeps } from '../src/actions/gdpr/gdprArchive.action.js'
import { retentionAction } from '../src/actions/gdpr/retention.action.js'
import type { ClientGdpr } from '../src/services/gdpr/clientGdpr.js'
import { resendEmailAction } from '../src/actions/emailLog/resendEmail.action.js'
import { ConcurrentChangeError } from '../src/services/core/errors.js'
import type { ClientMailer } from '../src/services/mail/clientMailer.js'

/** A record action's context with nothing but what the handlers read. */
function recordContext(id: number): ActionContext {
  const record = { id: () => String(id), toJSON: () => ({ id: String(id), params: { status: 'failed' } }) }
  return {
    record,
    records: [],
    currentAdmin: { email: 'admin@example.com', role: 'admin' },
    resource: { decorate: () => ({ id: () => 'EmailLog' }) },
  } as unknown as ActionContext
}

describe('actions answer a concurrent change with a notice, not a 500', () => {
  test('resendEmail: a held row is "try again", nothing thrown', async () => {
    const mailer = {
      resend: async () => {
        throw new ConcurrentChangeError()
      },
    } as unknown as ClientMailer
    const action = resendEmailAction(mailer, { ClientActionForm: 'ClientActionForm' })
    const request = { method: 'post', payload: {} } as ActionRequest
    const response = await (action.handler as ActionHandler<unknown>)(request, {}, recordContext(7))
    expect(response).toMatchObject({
      record: { id: '7' },
      notice: { message: 'concurrentChange', type: 'error' },
    })
  })
})

describe('the retention action refuses what no form sends', () => {
  test('an unknown op is a 400 with a field error, and nothing is read nor changed', async () => {
    const calls: string[] = []
    const retention = new Proxy(
      {},
      {
        get: (_target, name) => async () => {
          calls.push(String(name))
          return null
        },
      },
    )
    const action = retentionAction({
      gdpr: { retention } as unknown as ClientGdpr,
      components: { RetentionPanel: 'RetentionPanel' } as unknown as GdprActionDeps['components'],
    })
    const statuses: number[] = []
    for (const op of ['drop', undefined]) {
      const request = {
        method: 'post',
        payload: op === undefined ? {} : { op },
        res: { status: (code: number) => statuses.push(code) },
      } as unknown as ActionRequest
      await expect(
        (action.handler as ActionHandler<unknown>)(request, {}, recordContext(1)),
      ).rejects.toBeInstanceOf(ValidationError)
    }
    expect(statuses).toEqual([400, 400])
    expect(calls).toEqual([])
  })
})
