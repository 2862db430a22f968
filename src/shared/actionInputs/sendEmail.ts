// An email written by the admin (to one client or a selection), maybe from a message template.
import { MAX_EMAIL_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const sendEmailInput = actionInput({
  template: field.templateChoice(),
  subject: field.text({ maxLength: MAX_SUBJECT_LENGTH }),
  body: field.textarea({ maxLength: MAX_EMAIL_BODY_LENGTH, rows: 10, extra: 'emailPreview' }),
})

export type SendEmailInput = InputValue<typeof sendEmailInput>
