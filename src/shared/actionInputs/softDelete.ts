// Delete (soft: the client is kept, hidden from the list, and can be restored), with a reason or none.
import { MAX_REASON_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const softDeleteInput = actionInput({
  reason: field.optionalTextarea({ maxLength: MAX_REASON_LENGTH }),
})

export type SoftDeleteInput = InputValue<typeof softDeleteInput>
