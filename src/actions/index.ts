import type { ClientAction, ClientActionDeps } from './defineClientAction.js'
import { addNoteAction } from './addNote.action.js'
import { adjustBalanceAction } from './adjustBalance.action.js'
import { banAction } from './ban.action.js'
import { bulkBanAction } from './bulkBan.action.js'
import { bulkDeleteAction } from './bulkDelete.action.js'
import { bulkForceConfirmAction } from './bulkForceConfirm.action.js'
import { bulkReactivateAction } from './bulkReactivate.action.js'
import { bulkRemoveTwoFactorAction } from './bulkRemoveTwoFactor.action.js'
import { bulkSendEmailAction } from './bulkSendEmail.action.js'
import { bulkSuspendAction } from './bulkSuspend.action.js'
import { changePasswordAction } from './changePassword.action.js'
import { deleteAction } from './delete.action.js'
import { forceConfirmAction } from './forceConfirm.action.js'
import { reactivateAction } from './reactivate.action.js'
import { removeTwoFactorAction } from './removeTwoFactor.action.js'
import { resendConfirmationAction } from './resendConfirmation.action.js'
import { restoreAction } from './restore.action.js'
import { sendEmailAction } from './sendEmail.action.js'
import { sendPasswordResetAction } from './sendPasswordReset.action.js'
import { suspendAction } from './suspend.action.js'

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

export type { ClientActionDeps } from './defineClientAction.js'
export { editClientHandler } from './edit.action.js'
export { newClientHandler } from './new.action.js'
export { listClientsHandler, searchClientsHandler } from './list.action.js'
