// Anonymise (irreversible: the client's number typed to confirm) and "log in as this client" (why).
import { MAX_REASON_LENGTH } from '../limits.js'
import { actionInput, field } from './fields.js'

export const anonymiseInput = actionInput({
  confirmation: field.text({ maxLength: 64 }),
  force: field.checkbox(),
  reason: field.optionalTextarea({ maxLength: MAX_REASON_LENGTH }),
})

export const impersonateInput = actionInput({
  reason: field.textarea({ maxLength: MAX_REASON_LENGTH }),
})
