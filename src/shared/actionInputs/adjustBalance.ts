// A change of the client's balance: a signed amount (as cents) and why.
import { MAX_REASON_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const adjustBalanceInput = actionInput({
  amount: field.amount('balancePreview'),
  reason: field.textarea({ maxLength: MAX_REASON_LENGTH }),
})

export type AdjustBalanceInput = InputValue<typeof adjustBalanceInput>
