import { AMOUNT_PATTERN } from '../../shared/amountPattern.js'

/** Amounts as integer cents (bigint): no float ever touches money. */

export type AmountError = 'invalidAmount' | 'amountZero' | 'fieldRequired'

/** Parses a signed amount typed by a person into cents, or says what is wrong with it. */
export function parseAmount(input: unknown): { cents: bigint } | { error: AmountError } {
  const text = input === undefined || input === null ? '' : String(input).trim()
  if (text === '') return { error: 'fieldRequired' }
  const match = AMOUNT_PATTERN.exec(text)
  if (!match) return { error: 'invalidAmount' }
  const units = BigInt(match[2].replace(/[\s\u00a0\u202f]/g, ''))
  const cents = units * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'))
  // `-0`, `0,00`: a change of nothing is a mistake, not an adjustment.
  if (cents === 0n) return { error: 'amountZero' }
  return { cents: match[1] === '-' ? -cents : cents }
}

/** `"12.50"` (as stored by a DECIMAL(…, 2) column) → 1250n. */
export function toCents(decimal: string | number | null | undefined): bigint {
  const text = decimal === null || decimal === undefined ? '0' : String(decimal)
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!match) throw new Error(`not a decimal: ${text}`)
  const cents = BigInt(match[2] || '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0').slice(0, 2))
  return match[1] === '-' ? -cents : cents
}

/** 1250n → `"12.50"`. */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

/** What a DECIMAL(12, 2) column holds. */
export const MAX_BALANCE_CENTS = 99_999_999_999_99n
