import type { Action, ActionResponse, NoticeMessage } from 'adminjs'
import type { AccessControl } from '../../services/core/accessControl.js'
import type { PaymentMethods } from '../../services/payments/paymentMethods.js'
import { actorOf, recordId, readPayload, refusalResponse } from '../core/clientActionSpecs.js'

/** The permission, besides this action, that detaching a card needs (role maps may grant it by name). */
export const DETACH_PERMISSION = 'detachPaymentMethod'

/**
 * The Payment methods tab's data: GET lists the client's cards from Stripe, POST with
 * `paymentMethodId` detaches one (admins, or roles granted `Client.detachPaymentMethod`). A Stripe
 * problem is an `error` in the answer, shown by the tab, never a failed request.
 */
export const paymentMethodsAction = (
  paymentMethods: PaymentMethods,
  access: AccessControl,
): Partial<Action<ActionResponse>> => ({
  name: 'paymentMethods',
  actionType: 'record',
  icon: 'CreditCard',
  showInDrawer: false,
  isVisible: false,
  handler: async (request, _response, context) => {
    const id = recordId(context)
    const canDetach =
      paymentMethods.configured && access.can(context.currentAdmin, 'Client', DETACH_PERMISSION)
    const record = context.record?.toJSON(context.currentAdmin)
    let notice: NoticeMessage | undefined
    if (request.method === 'post') {
      if (!canDetach) {
        ;(request as { res?: { status?: (code: number) => unknown } }).res?.status?.(403)
        return { record, notice: { message: 'forbiddenError', type: 'error' } }
      }
      try {
        const outcome = await paymentMethods.detach(
          actorOf(request, context),
          id,
          readPayload(request, { paymentMethodId: 255 }).paymentMethodId,
        )
        notice = outcome.detached
          ? {
              message: 'paymentMethodDetached',
              type: 'success',
              resourceId: 'Client',
              options: { brand: outcome.detached.brand, last4: outcome.detached.last4 },
            }
          : { message: `paymentMethods.${outcome.error}`, type: 'error', resourceId: 'Client' }
      } catch (error) {
        return refusalResponse(error, context)
      }
    }
    return {
      record,
      ...(notice ? { notice } : {}),
      paymentMethods: await paymentMethods.list(id),
      canDetach,
    }
  },
})
