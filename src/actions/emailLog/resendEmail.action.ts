import type { Action, RecordActionResponse } from 'adminjs'
import type { ClientMailer } from '../../services/mail/clientMailer.js'
import { EmailResendRefused } from '../../services/mail/resendEmail.js'
import { actorOf, freshRecords, refusalResponse } from '../core/clientActionSpecs.js'

/**
 * Send a failed email again: the outbox queues it with fresh attempts and the same Message-ID,
 * and the client's history says who asked. GET shows the confirmation, POST requeues.
 */
export const resendEmailAction = (
  mailer: ClientMailer,
  components: { ClientActionForm: string },
): Partial<Action<RecordActionResponse>> => ({
  name: 'resendEmail',
  actionType: 'record',
  icon: 'Send',
  component: components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  isVisible: (context) => context.record?.params.status === 'failed',
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    const id = Number(context.record?.id())
    try {
      await mailer.resend(actorOf(request, context), id)
      const [record] = await freshRecords(context, [id])
      return {
        record: record ?? current,
        notice: { message: 'emailRequeued', type: 'success', resourceId: context.resource.decorate().id() },
        redirectUrl: context.h.recordActionUrl({
          resourceId: context.resource.decorate().id(),
          recordId: String(id),
          actionName: 'show',
        }),
      }
    } catch (error) {
      // Held by another admin or server: nothing changed, "try again" like every other action.
      if (!(error instanceof EmailResendRefused))
        return { ...refusalResponse(error, context), record: current }
      // Not failed (any more), or nothing kept to send: nothing changed, the page says so.
      const [record] = await freshRecords(context, [id])
      return {
        record: record ?? current,
        notice: { message: error.reason, type: 'error', resourceId: context.resource.decorate().id() },
      }
    }
  },
})
