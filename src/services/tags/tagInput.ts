import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters } from '../core/requestValues.js'
import { isTagColour, MAX_TAG_NAME_LENGTH, MAX_TAGS_PER_CHANGE, type TagColour } from '../../shared/tags.js'

// What a tag's name and colour may be, checked before any row is read: bad input is a field
// error (tagNameInvalid…), never a 500 nor a half-written change.

/** The name as stored: trimmed, inner runs of spaces made one. */
export const cleanTagName = (raw: string): string => raw.trim().replace(/\s+/g, ' ')

/** The key its uniqueness is checked on: whatever its case. */
export const tagKey = (name: string): string => cleanTagName(name).toLowerCase()

/** A tag's name from a form; `field` is the form's field the error goes under. */
export function readTagName(raw: unknown, field = 'name'): string {
  if (typeof raw !== 'string') throw new InvalidInputError({ [field]: 'tagNameInvalid' })
  const name = cleanTagName(raw)
  if (name === '') throw new InvalidInputError({ [field]: 'tagNameRequired' })
  if (name.length > MAX_TAG_NAME_LENGTH) throw new InvalidInputError({ [field]: 'tagNameTooLong' })
  // A comma separates the names of a form's list; control characters have no place in a label.
  if (name.includes(',') || hasControlCharacters(name))
    throw new InvalidInputError({ [field]: 'tagNameInvalid' })
  return name
}

export function readTagColour(raw: unknown, field = 'colour'): TagColour {
  if (raw === undefined || raw === null || raw === '') return 'grey'
  if (!isTagColour(raw)) throw new InvalidInputError({ [field]: 'tagColourInvalid' })
  return raw
}

/** "VIP, Relance" → ['VIP', 'Relance']: each checked, duplicates (whatever their case) once. */
export function readTagNames(raw: unknown, field = 'tags'): string[] {
  if (raw === undefined || raw === null) return []
  if (typeof raw !== 'string') throw new InvalidInputError({ [field]: 'tagNameInvalid' })
  const names = new Map<string, string>()
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue
    const name = readTagName(part, field)
    if (!names.has(tagKey(name))) names.set(tagKey(name), name)
  }
  if (names.size > MAX_TAGS_PER_CHANGE) throw new InvalidInputError({ [field]: 'tooManyTags' })
  return [...names.values()]
}
