// A new password set by an admin, typed twice; its strength is checked by the server.
import { MAX_PASSWORD_FIELD_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const changePasswordInput = actionInput({
  password: field.password(MAX_PASSWORD_FIELD_LENGTH, 'strengthMeter'),
  passwordConfirmation: field.password(MAX_PASSWORD_FIELD_LENGTH),
})

export type ChangePasswordInput = InputValue<typeof changePasswordInput>
