import { LANGUAGES, type Language } from '../../shared/language.js'

/** What the outbox keeps of an email until it is sent: the real text (it may hold a token). */
export interface PendingContent {
  text: string
  language: Language
  link: string | null
  /** The HTML part a template wrote (absent: built from the text when sent). */
  html?: string | null
  /** Headers of its own (a campaign's `List-Unsubscribe` and `List-Unsubscribe-Post`). */
  headers?: Record<string, string> | null
}

export const writePendingContent = (content: PendingContent) => JSON.stringify(content)

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,60}$/

/** Headers kept as strings under plain names; anything else dropped (no line breaks: no header injection). */
function readHeaders(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const headers: Record<string, string> = {}
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (HEADER_NAME.test(name) && typeof text === 'string' && !/[\r\n]/.test(text)) headers[name] = text
  }
  return Object.keys(headers).length > 0 ? headers : null
}

/** The stored content, or null when there is none or it cannot be read. */
export function readPendingContent(stored: string | null | undefined): PendingContent | null {
  if (!stored) return null
  try {
    const value = JSON.parse(stored) as Partial<PendingContent>
    if (typeof value.text !== 'string') return null
    return {
      text: value.text,
      language: LANGUAGES.includes(value.language as Language) ? (value.language as Language) : 'en',
      link: typeof value.link === 'string' ? value.link : null,
      html: typeof value.html === 'string' ? value.html : null,
      headers: readHeaders(value.headers),
    }
  } catch {
    return null
  }
}
