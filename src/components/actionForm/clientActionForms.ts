// The forms of the client actions, by action name: plain data shared by the server (which
// checks the same limits) and the ClientActionForm component, so no action sends it per record.
import {
  MAX_EMAIL_BODY_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SUBJECT_LENGTH,
} from '../../shared/limits.js'

/** A field of an action's form. */
export interface FormField {
  name: string
  type: 'textarea' | 'text' | 'checkbox' | 'password' | 'amount' | 'select'
  /** For a select: its values, labelled by the resource's `labels.<field>.<value>`. */
  options?: readonly string[]
  required?: boolean
  maxLength?: number
}

/**
 * What the form shows. Its texts are the message keys `forms.<id>.intro` (for one client),
 * `forms.<id>.bulkIntro` (for a selection), `forms.<id>.<field>` (labels) and
 * `forms.<id>.submit`; with no fields it is a confirmation.
 */
export interface ActionForm {
  id: string
  fields: FormField[]
  /** Record properties shown read-only above the form (e.g. the suspension reason). */
  show?: string[]
  /**
   * A set of texts of its own for some records (`forms.<id>.<variant>.<key>`, falling back to
   * `forms.<id>.<key>`): reactivating a banned client says what a ban leaves behind.
   */
  textsFor?: (params: Record<string, unknown>) => string | null
}

export const addNoteForm: ActionForm = {
  id: 'addNote',
  fields: [{ name: 'body', type: 'textarea', required: true, maxLength: MAX_NOTE_LENGTH }],
}

export const adjustBalanceForm: ActionForm = {
  id: 'adjustBalance',
  show: ['balance'],
  fields: [
    { name: 'amount', type: 'amount', required: true },
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
  ],
}

export const banForm: ActionForm = {
  id: 'ban',
  fields: [
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
    { name: 'contracts', type: 'checkbox' },
    { name: 'notify', type: 'checkbox' },
  ],
}

export const changePasswordForm: ActionForm = {
  id: 'changePassword',
  fields: [
    { name: 'password', type: 'password', required: true },
    { name: 'passwordConfirmation', type: 'password', required: true },
  ],
}

// Replaces AdminJS's hard delete: the client is kept, hidden from the list, and can be restored.
export const deleteForm: ActionForm = {
  id: 'delete',
  fields: [{ name: 'reason', type: 'textarea', maxLength: MAX_REASON_LENGTH }],
}

export const forceConfirmForm: ActionForm = { fields: [], id: 'forceConfirm' }

export const reactivateForm: ActionForm = {
  id: 'reactivate',
  // The reason of the suspension (or ban) being lifted, read before deciding.
  show: ['statusReason'],
  // A ban's terminations are final: the form says so instead of speaking of "this suspension".
  textsFor: (params) => (params.status === 'banned' ? 'afterBan' : null),
  fields: [
    { name: 'contracts', type: 'checkbox' },
    { name: 'reason', type: 'textarea', maxLength: MAX_REASON_LENGTH },
    { name: 'notify', type: 'checkbox' },
  ],
}

export const removeTwoFactorForm: ActionForm = { fields: [], id: 'removeTwoFactor' }

export const resendConfirmationForm: ActionForm = { fields: [], id: 'resendConfirmation' }

export const restoreForm: ActionForm = { fields: [], id: 'restore', show: ['statusReason'] }

export const sendEmailForm: ActionForm = {
  id: 'sendEmail',
  fields: [
    { name: 'subject', type: 'text', required: true, maxLength: MAX_SUBJECT_LENGTH },
    { name: 'body', type: 'textarea', required: true, maxLength: MAX_EMAIL_BODY_LENGTH },
  ],
}

export const sendPasswordResetForm: ActionForm = { fields: [], id: 'sendPasswordReset' }

export const suspendForm: ActionForm = {
  id: 'suspend',
  fields: [
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
    { name: 'contracts', type: 'checkbox' },
    { name: 'notify', type: 'checkbox' },
  ],
}

export const removeForGoodForm: ActionForm = { id: 'removeForGood', fields: [], show: ['statusReason'] }

// Not a client action, but the same confirmation: undo a commission import (ImportBatch).
export const undoImportForm: ActionForm = { id: 'undoImport', fields: [], show: ['fileName', 'rowsImported'] }

// An email of the outbox that failed, queued again (EmailLog).
export const resendEmailForm: ActionForm = { id: 'resendEmail', fields: [], show: ['to', 'subject', 'error'] }

export const changeAdvisorForm: ActionForm = {
  id: 'changeAdvisor',
  fields: [{ name: 'advisorCode', type: 'text', required: true, maxLength: 32 }],
}

export const changeContractStatusForm: ActionForm = {
  id: 'changeContractStatus',
  fields: [
    { name: 'status', type: 'select', required: true, options: ['active', 'suspended', 'terminated'] },
  ],
}

export const markPaidForm: ActionForm = { id: 'markPaid', fields: [] }

// Irreversible: the intro says so, and the client's number must be typed to confirm.
export const anonymiseForm: ActionForm = {
  id: 'anonymise',
  show: ['clientNumber'],
  fields: [
    { name: 'confirmation', type: 'text', required: true, maxLength: 64 },
    { name: 'force', type: 'checkbox' },
    { name: 'reason', type: 'textarea', maxLength: MAX_REASON_LENGTH },
  ],
}

// "Log in as this client": why, kept in the history; the answer's link opens in a new tab.
export const impersonateForm: ActionForm = {
  id: 'impersonate',
  fields: [{ name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH }],
}

// Tags (issue 28): names separated by commas; a new name creates the tag.
export const addTagsForm: ActionForm = {
  id: 'addTags',
  fields: [{ name: 'tags', type: 'text', required: true, maxLength: 1000 }],
}

export const removeTagsForm: ActionForm = {
  id: 'removeTags',
  fields: [{ name: 'tags', type: 'text', required: true, maxLength: 1000 }],
}

/** Each action's form, by action name (a bulk action shares its record action's form). */
export const CLIENT_ACTION_FORMS: Record<string, ActionForm> = {
  resendConfirmation: resendConfirmationForm,
  forceConfirm: forceConfirmForm,
  bulkForceConfirm: forceConfirmForm,
  sendPasswordReset: sendPasswordResetForm,
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
  restore: restoreForm,
  changePassword: changePasswordForm,
  adjustBalance: adjustBalanceForm,
  addNote: addNoteForm,
  undoImport: undoImportForm,
  resendEmail: resendEmailForm,
  removeForGood: removeForGoodForm,
  bulkChangeAdvisor: changeAdvisorForm,
  bulkChangeStatus: changeContractStatusForm,
  bulkMarkPaid: markPaidForm,
  anonymise: anonymiseForm,
  impersonate: impersonateForm,
  addTags: addTagsForm,
  bulkAddTags: addTagsForm,
  removeTags: removeTagsForm,
  bulkRemoveTags: removeTagsForm,
}
