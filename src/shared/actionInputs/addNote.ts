// A note on the client, kept in its Notes tab.
import { MAX_NOTE_LENGTH } from '../limits.js'
import { actionInput, field, type InputValue } from './fields.js'

export const addNoteInput = actionInput({
  body: field.textarea({ maxLength: MAX_NOTE_LENGTH, rows: 10 }),
})

export type AddNoteInput = InputValue<typeof addNoteInput>
