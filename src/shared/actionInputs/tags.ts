// Tags added to or removed from clients: names separated by commas (a new name creates the tag).
import { actionInput, field, type InputValue } from './fields.js'

/** The longest list of names a form may send (each name is checked by services/tags/tagInput.ts). */
export const TAG_LIST_LENGTH = 1000

export const tagChangeInput = actionInput({
  tags: field.text({ maxLength: TAG_LIST_LENGTH }),
})

export type TagChangeInput = InputValue<typeof tagChangeInput>
