/** What replaces a text, or a part of a text, that said something about the person. */
export const REDACTED = '[redacted]'
