// What the action forms show beside their fields (strength meter, resulting balance): plain
// functions for the browser, unit-tested in test/clientScreens.test.ts. The server keeps the
// final word (zxcvbn for passwords, services/core/money.ts for amounts).

import { AMOUNT_PATTERN } from '../../shared/amountPattern.js'

export const STRENGTH_LEVELS = ['empty', 'veryWeak', 'weak', 'fair', 'strong'] as const
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number]

/** Colors of the meter, weakest to strongest (the empty meter is grey). */
export const STRENGTH_COLORS: Record<StrengthLevel, string> = {
  empty: '#CED4DA',
  veryWeak: '#C92A2A',
  weak: '#E8590C',
  fair: '#F2C94C',
  strong: '#1E7B34',
}

/**
 * A quick estimate of a password's strength while it is typed: length and variety, less for
 * repeats and runs (`aaaa`, `1234`, `abcd`). Under 10 characters it is at most weak, as the server
 * refuses it.
 */
export function passwordStrength(password: string): { score: number; level: StrengthLevel } {
  if (!password) return { score: 0, level: 'empty' }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  const unique = new Set(password.toLowerCase()).size
  let runs = 0
  for (let i = 2; i < password.length; i += 1) {
    const a = password.charCodeAt(i - 2)
    const b = password.charCodeAt(i - 1)
    const c = password.charCodeAt(i)
    if ((a === b && b === c) || (b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) runs += 1
  }
  // Characters that add something: neither a repeat nor part of a run.
  const effective = Math.max(0, Math.min(password.length, unique * 2) - runs)
  const points = effective + classes * 3
  const score =
    password.length < 10 ? Math.min(2, points >= 12 ? 2 : 1) : points >= 28 ? 4 : points >= 20 ? 3 : 2
  return { score, level: STRENGTH_LEVELS[score] }
}

/** The balance after adding `amount` as typed to `current` (a stored decimal), or null if unreadable. */
export function resultingBalance(current: unknown, amount: string): string | null {
  const match = AMOUNT_PATTERN.exec(amount.trim())
  if (!match) return null
  const cents =
    Number(match[2].replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number((match[3] ?? '0').padEnd(2, '0'))
  if (cents === 0 || !Number.isSafeInteger(cents)) return null
  const base = Math.round(Number(current ?? 0) * 100)
  if (Number.isNaN(base)) return null
  const total = base + (match[1] === '-' ? -cents : cents)
  const sign = total < 0 ? '-' : ''
  const abs = Math.abs(total)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * An email's text as the client will read it, for the form's preview: the client's merge fields
 * (`{{fullName}}`, `{{ firstName }}`…) filled from the record the form is about. Other fields
 * (the sender's company, a link) stay as typed: the server fills them when it sends.
 */
export function previewMergeFields(text: string, params: Record<string, unknown>): string {
  const value = (key: string) => (params[key] == null ? '' : String(params[key]))
  const values: Record<string, string> = {
    firstName: value('firstName'),
    lastName: value('lastName'),
    fullName: [value('firstName'), value('lastName')].filter(Boolean).join(' '),
    clientNumber: value('clientNumber'),
    email: value('email'),
  }
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole)
}
