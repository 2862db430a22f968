import { addNoteInput } from '../../shared/actionInputs/addNote.js'
import { adjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import { changePasswordInput } from '../../shared/actionInputs/changePassword.js'
import { changeAdvisorInput, changeContractStatusInput } from '../../shared/actionInputs/contractBulk.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { softDeleteInput } from '../../shared/actionInputs/softDelete.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { addNote, adjustBalance, changePassword, forceConfirm, removeTwoFactor } from './accountChanges.js'
import { marketingConsentInput } from '../../shared/actionInputs/marketingConsent.js'
import { recordMarketingConsent, setMarketingConsent } from './marketingConsent.js'
import { resendConfirmation, sendEmail, sendPasswordReset } from './clientEmails.js'
import { mergeClients } from './clientMerge.js'
import { markCommissionsPaid } from './commissionPayments.js'
import { changeContractAdvisor, changeContractStatus } from './contractBulk.js'
import type { LifecycleDeps } from './lifecycleDeps.js'
import { createClient, updateProfile } from './profileChanges.js'
import { acceptingForms, bindDeps, type Bound } from '../core/roomFunctions.js'
import { restore, softDelete } from './softDeletion.js'
import { ban, reactivate, suspend } from './statusTransitions.js'

export type { LifecycleDeps } from './lifecycleDeps.js'
export type { EmailOutcome, LifecycleResult, Skipped } from './statusTransitions.js'

/**
 * What an admin does to client accounts, as a host calls it. Each function is one state change:
 * one transaction that locks the clients, changes those the action applies to, and writes one
 * ClientEvent per client changed (actor, IP, reason, field changes with secrets masked). Bulk and
 * single actions share the code: a fixed number of queries whatever the number of clients. Emails
 * are queued in the same transaction and sent by the outbox after the commit; a failed one never
 * undoes the change. The steps live in this folder, one file per kind of change; the panel's
 * actions call them directly with the input they parsed, a host through this table, which reads
 * the input with the same schema (src/shared/actionInputs/).
 */
export const LIFECYCLE_FUNCTIONS = {
  forceConfirm,
  suspend: acceptingForms(statusChangeInput, suspend),
  reactivate: acceptingForms(reactivateInput, reactivate),
  ban: acceptingForms(statusChangeInput, ban),
  removeTwoFactor,
  /** Soft delete: the client is kept (status `deleted`, `deletedAt`) and can be restored. */
  softDelete: acceptingForms(softDeleteInput, softDelete),
  restore,
  changePassword: acceptingForms(changePasswordInput, changePassword),
  adjustBalance: acceptingForms(adjustBalanceInput, adjustBalance),
  addNote: acceptingForms(addNoteInput, addNote),
  /** Marketing consent given or withdrawn from the panel (campaigns skip `out`). */
  setMarketingConsent: acceptingForms(marketingConsentInput, setMarketingConsent),
  /** The same from the client area (the account's page), with its source. */
  recordMarketingConsent,
  updateProfile,
  createClient,
  resendConfirmation,
  sendPasswordReset,
  sendEmail: acceptingForms(sendEmailInput, sendEmail),
  /** Two clients into one (the kept one takes the chosen value of each field). */
  mergeClients,
  changeContractAdvisor: acceptingForms(changeAdvisorInput, changeContractAdvisor),
  changeContractStatus: acceptingForms(changeContractStatusInput, changeContractStatus),
  markCommissionsPaid,
}

/** `clients.lifecycle`: the functions above with their deps given once. */
export type ClientLifecycle = Bound<typeof LIFECYCLE_FUNCTIONS>

export const clientLifecycle = (deps: LifecycleDeps): ClientLifecycle => bindDeps(deps, LIFECYCLE_FUNCTIONS)
