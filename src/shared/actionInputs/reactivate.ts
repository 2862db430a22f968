// Reactivate (one client or a selection): its contracts back too, why, whether to tell the client.
import { MAX_REASON_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const reactivateInput = actionInput({
  contracts: field.checkbox(),
  reason: field.optionalTextarea({ maxLength: MAX_REASON_LENGTH }),
  notify: field.checkbox(),
})

export type ReactivateInput = InputValue<typeof reactivateInput>
