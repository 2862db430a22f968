// Tags (issue 28): the colours a tag may take, the longest name and how a list of names is read, shared by the server (which
// checks them) and the panel (which offers them). Each colour keeps white text readable
// (contrast ≥ 4.5:1, WCAG AA), so a chip is legible whatever colour an admin picks.

export const TAG_COLOURS = [
  'grey',
  'red',
  'orange',
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
  'brown',
] as const
export type TagColour = (typeof TAG_COLOURS)[number]

/** The chip's background for each colour (white text on each: contrast ≥ 4.5:1). */
export const TAG_COLOUR_HEX: Record<TagColour, string> = {
  grey: '#4b5563',
  red: '#b91c1c',
  orange: '#9a3412',
  green: '#166534',
  teal: '#115e59',
  blue: '#1d4ed8',
  indigo: '#4338ca',
  purple: '#7e22ce',
  pink: '#be185d',
  brown: '#78350f',
}

export const MAX_TAG_NAME_LENGTH = 40

/** Tags one request may add or remove at once (a form's picker never sends more). */
export const MAX_TAGS_PER_CHANGE = 20

export const isTagColour = (value: unknown): value is TagColour =>
  typeof value === 'string' && (TAG_COLOURS as readonly string[]).includes(value)

/** A tag as the panel shows it: a chip. */
export interface TagChip {
  id: number
  name: string
  colour: TagColour
}

/**
 * "VIP, Relance" (or "VIP; Relance", "VIP | Relance", as a spreadsheet cell may hold them) → ['VIP', 'Relance']:
 * trimmed, inner spaces made one, each once whatever its case; null when a name is too long or
 * holds a control character, or there are too many.
 */
export function splitTagNames(text: string): string[] | null {
  const names = new Map<string, string>()
  for (const part of text.split(/[,;|]/)) {
    const name = part.trim().replace(/\s+/g, ' ')
    if (name === '') continue
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (name.length > MAX_TAG_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) return null
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name)
  }
  return names.size > MAX_TAGS_PER_CHANGE ? null : [...names.values()]
}

/** How the client list combines the tags of its filter: any of them (the default), all, none. */
export const TAG_MODES = ['any', 'all', 'none'] as const
export type TagMode = (typeof TAG_MODES)[number]

/** At most this many tags in one filter (the panel's picker never sends more). */
export const MAX_FILTER_TAGS = 20
export const TAG_IDS_PATTERN = new RegExp(`^\\d{1,9}(,\\d{1,9}){0,${MAX_FILTER_TAGS - 1}}$`)
