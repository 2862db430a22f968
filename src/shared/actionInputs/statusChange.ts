// Suspend and ban (one client or a selection): why, which contracts, whether to tell the client.
import { MAX_REASON_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const statusChangeInput = actionInput({
  reason: field.textarea({ maxLength: MAX_REASON_LENGTH }),
  contracts: field.contractChoice(),
  contractIds: field.contractIds(),
  notify: field.checkbox(),
})

export type StatusChangeInput = InputValue<typeof statusChangeInput>
