import type { ActionContext, ActionRequest } from 'adminjs'
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
    const response = await action.handler!(request, {}, recordContext(7))
    expect(response).toMatchObject({
      record: { id: '7' },
      notice: { message: 'concurrentChange', type: 'error' },
    })
  })
})
