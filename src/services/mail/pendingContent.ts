import { LANGUAGES, type Language } from '../../shared/language.js'

/** What the outbox keeps of an email until it is sent: the real text (it may hold a token). */
export interface PendingContent {
  text: string
  language: Language
  link: string | null
  /** The HTML part a template wrote (absent: built from the text when sent). */
  html?: string | null
}

export const writePendingContent = (content: PendingContent) => JSON.stringify(content)

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
    }
  } catch {
    return null
  }
}
