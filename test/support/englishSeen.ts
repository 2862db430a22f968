// The English that walks through the French panel found (issue 31), and AdminJS's own English
// defaults: test/frenchText.test.ts checks the French translations for them, and the browser's
// screen walk (test/e2e/screenWalk.e2e.ts) checks every French screen's text.

/** Words and phrases that must never appear on a French screen. */
export const ENGLISH_SEEN = [
  'queued',
  'the account is not active',
  'Select...',
  'Yes',
  'No',
  'Security Settings',
  'Retention Months',
  'Contract 110 Status',
  'clients concerned',
  // AdminJS's own English, shown when a translation is missing.
  'List',
  'Show',
  'Password Hash',
  'Filter',
  'Create new',
  'No records',
]

/**
 * Which of ENGLISH_SEEN a text holds, each as a whole word or phrase. A word's edge is any
 * character but a letter or digit of any script: `\W` alone counts "ë" as an edge, so the French
 * names "Noël" and "Noémie" would read as the English "No".
 */
export function englishIn(text: string): string[] {
  return ENGLISH_SEEN.filter((word) =>
    new RegExp(`(^|[^\\p{L}\\p{N}_])${word.replace(/[.]/g, '\\.')}([^\\p{L}\\p{N}_]|$)`, 'u').test(text),
  )
}
