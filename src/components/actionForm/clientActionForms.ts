// The forms of the plugin's form actions, by action name: each names the input schema its
// fields are drawn from (src/shared/actionInputs/, the same the server parses with), plus what
// only the panel needs (record properties shown, texts of its own for some records).
import { addNoteInput } from '../../shared/actionInputs/addNote.js'
import { marketingConsentInput } from '../../shared/actionInputs/marketingConsent.js'
import { adjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import { changePasswordInput } from '../../shared/actionInputs/changePassword.js'
import { changeAdvisorInput, changeContractStatusInput } from '../../shared/actionInputs/contractBulk.js'
import { fieldsOf, type ActionInput, type FormField } from '../../shared/actionInputs/fields.js'
import { anonymiseInput, impersonateInput } from '../../shared/actionInputs/gdpr.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { softDeleteInput } from '../../shared/actionInputs/softDelete.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { tagChangeInput } from '../../shared/actionInputs/tags.js'

export type { FormField } from '../../shared/actionInputs/fields.js'

/**
 * What the form shows. Its texts are the message keys `forms.<id>.intro` (for one client),
 * `forms.<id>.bulkIntro` (for a selection), `forms.<id>.<field>` (labels) and
 * `forms.<id>.submit`; with no input it is a confirmation.
 */
export interface ActionForm {
  id: string
  /** The action's input: the fields drawn, in order (none: a confirmation). */
  input?: ActionInput
  /** Record properties shown read-only above the form (e.g. the suspension reason). */
  show?: string[]
  /**
   * A set of texts of its own for some records (`forms.<id>.<variant>.<key>`, falling back to
   * `forms.<id>.<key>`): reactivating a banned client says what a ban leaves behind.
   */
  textsFor?: (params: Record<string, unknown>) => string | null
}

/** The fields a form draws, in order (hidden ones, sent by another widget, left out). */
export const formFields = (form: ActionForm): FormField[] =>
  fieldsOf(form.input).filter((f) => f.widget !== 'hidden')

const confirmation = (id: string, show?: string[]): ActionForm => ({ id, ...(show ? { show } : {}) })

const suspendForm: ActionForm = { id: 'suspend', input: statusChangeInput }
const banForm: ActionForm = { id: 'ban', input: statusChangeInput }
const reactivateForm: ActionForm = {
  id: 'reactivate',
  input: reactivateInput,
  // The reason of the suspension (or ban) being lifted, read before deciding.
  show: ['statusReason'],
  // A ban's terminations are final: the form says so instead of speaking of "this suspension".
  textsFor: (params) => (params.status === 'banned' ? 'afterBan' : null),
}
// Replaces AdminJS's hard delete: the client is kept, hidden from the list, and can be restored.
const deleteForm: ActionForm = { id: 'delete', input: softDeleteInput }
const sendEmailForm: ActionForm = { id: 'sendEmail', input: sendEmailInput }
const forceConfirmForm = confirmation('forceConfirm')
const removeTwoFactorForm = confirmation('removeTwoFactor')

/** Each action's form, by action name (a bulk action shares its record action's form). */
export const CLIENT_ACTION_FORMS: Record<string, ActionForm> = {
  resendConfirmation: confirmation('resendConfirmation'),
  forceConfirm: forceConfirmForm,
  bulkForceConfirm: forceConfirmForm,
  sendPasswordReset: confirmation('sendPasswordReset'),
  sendEmail: sendEmailForm,
  bulkSendEmail: sendEmailForm,
  suspend: suspendForm,
  bulkSuspend: suspendForm,
  reactivate: reactivateForm,
  bulkReactivate: reactivateForm,
  ban: banForm,
  bulkBan: banForm,
  removeTwoFactor: removeTwoFactorForm,
  bulkRemoveTwoFactor: removeTwoFactorForm,
  delete: deleteForm,
  bulkDelete: deleteForm,
  restore: confirmation('restore', ['statusReason']),
  changePassword: { id: 'changePassword', input: changePasswordInput },
  adjustBalance: { id: 'adjustBalance', input: adjustBalanceInput, show: ['balance'] },
  addNote: { id: 'addNote', input: addNoteInput },
  marketingConsent: { id: 'marketingConsent', input: marketingConsentInput, show: ['marketingConsent'] },
  // Not client actions, but the same confirmation: undo a commission import (ImportBatch), an
  // email of the outbox that failed queued again (EmailLog), a client removed for good.
  undoImport: confirmation('undoImport', ['fileName', 'rowsImported']),
  resendEmail: confirmation('resendEmail', ['to', 'subject', 'error']),
  removeForGood: confirmation('removeForGood', ['statusReason']),
  bulkChangeAdvisor: { id: 'changeAdvisor', input: changeAdvisorInput },
  bulkChangeStatus: { id: 'changeContractStatus', input: changeContractStatusInput },
  bulkMarkPaid: confirmation('markPaid'),
  // Irreversible: the intro says so, and the client's number must be typed to confirm.
  anonymise: { id: 'anonymise', input: anonymiseInput, show: ['clientNumber'] },
  // "Log in as this client": why, kept in the history; the answer's link opens in a new tab.
  impersonate: { id: 'impersonate', input: impersonateInput },
  addTags: { id: 'addTags', input: tagChangeInput },
  bulkAddTags: { id: 'addTags', input: tagChangeInput },
  removeTags: { id: 'removeTags', input: tagChangeInput },
  bulkRemoveTags: { id: 'removeTags', input: tagChangeInput },
}
