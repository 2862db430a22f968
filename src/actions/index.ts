import type { ClientAction, ClientActionDeps } from './core/clientActionSpecs.js'
import { addNoteAction } from './client/addNote.action.js'
import { marketingConsentAction } from './client/marketingConsent.action.js'
import { adjustBalanceAction } from './client/adjustBalance.action.js'
import { banAction } from './client/ban.action.js'
import { bulkBanAction } from './client/bulkBan.action.js'
import { bulkDeleteAction } from './client/bulkDelete.action.js'
import { bulkForceConfirmAction } from './client/bulkForceConfirm.action.js'
import { bulkReactivateAction } from './client/bulkReactivate.action.js'
import { bulkRemoveTwoFactorAction } from './client/bulkRemoveTwoFactor.action.js'
import { bulkSendEmailAction } from './client/bulkSendEmail.action.js'
import { bulkSuspendAction } from './client/bulkSuspend.action.js'
import { changePasswordAction } from './client/changePassword.action.js'
import { deleteAction } from './client/delete.action.js'
import { forceConfirmAction } from './client/forceConfirm.action.js'
import { reactivateAction } from './client/reactivate.action.js'
import { removeTwoFactorAction } from './client/removeTwoFactor.action.js'
import { resendConfirmationAction } from './client/resendConfirmation.action.js'
import { restoreAction } from './client/restore.action.js'
import { sendEmailAction } from './client/sendEmail.action.js'
import { sendPasswordResetAction } from './client/sendPasswordReset.action.js'
import { suspendAction } from './client/suspend.action.js'

/** Every lifecycle action of the Client resource, by name, in the order the panel shows them. */
export function clientLifecycleActions(deps: ClientActionDeps): Record<string, ClientAction> {
  const actions = [
    resendConfirmationAction,
    forceConfirmAction,
    sendPasswordResetAction,
    sendEmailAction,
    suspendAction,
    reactivateAction,
    banAction,
    removeTwoFactorAction,
    changePasswordAction,
    adjustBalanceAction,
    addNoteAction,
    marketingConsentAction,
    restoreAction,
    deleteAction,
    bulkForceConfirmAction,
    bulkSendEmailAction,
    bulkSuspendAction,
    bulkReactivateAction,
    bulkBanAction,
    bulkRemoveTwoFactorAction,
    bulkDeleteAction,
  ].map((build) => build(deps) as ClientAction)
  return Object.fromEntries(actions.map((action) => [action.name as string, action]))
}

export type { ClientActionDeps } from './core/clientActionSpecs.js'
export { editClientHandler } from './client/edit.action.js'
export { newClientHandler } from './client/new.action.js'
export { listClientsHandler, searchClientsHandler } from './client/list.action.js'
