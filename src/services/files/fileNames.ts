/** Longest display name kept, in characters (the extension stays). */
export const MAX_FILE_NAME_LENGTH = 200

// C0/C1 controls (NUL included), and the bidirectional overrides that make `gpj.exe` read `exe.jpg`.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/**
 * The name an uploaded file is shown by: its last path segment only (`../../x.png` is `x.png`),
 * normalised, trimmed, at most MAX_FILE_NAME_LENGTH characters with its extension kept. Null
 * when nothing is left or it holds a control character (NUL…): refused rather than guessed.
 * Display text only: the storage key is always ours.
 */
export function displayFileName(given: unknown): string | null {
  if (typeof given !== 'string' || REFUSED.test(given)) return null
  const base = (given.split(/[\\/]/).pop() ?? '').normalize('NFC').trim()
  if (!base || base === '.' || base === '..') return null
  if (base.length <= MAX_FILE_NAME_LENGTH) return base
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(base)?.[0] ?? ''
  return base.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext
}
