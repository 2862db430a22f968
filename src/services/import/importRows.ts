import { isValidEmail, normalizeEmail } from '../../shared/clientIdentity.js'
import { normalizeForSearch } from '../../shared/searchText.js'
import { splitTagNames } from '../../shared/tags.js'
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_PREFIX } from '../../shared/customFields.js'

/** What a column of a commission file can be. */
export const IMPORT_FIELDS = [
  'clientNumber',
  'lastName',
  'firstName',
  'email',
  'phone',
  'contractReference',
  'product',
  'advisorCode',
  'period',
  'amount',
  'rate',
  'tags',
  'marketingConsent',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/**
 * Field → index of its column in the file; a custom field by its form name (`cf__<key>`).
 * `createTags` (0 or 1) is set by the server from the importing admin's rights, never read from a form.
 */
export type ImportMapping = Partial<Record<ImportField | 'createTags', number>> & {
  [custom: `cf__${string}`]: number | undefined
}

/** The custom field keys a mapping gives a column to. */
export const mappedCustomKeys = (mapping: ImportMapping): string[] =>
  Object.keys(mapping)
    .filter((name) => name.startsWith(CUSTOM_FIELD_PREFIX) && mapping[name as `cf__${string}`] !== undefined)
    .map((name) => name.slice(CUSTOM_FIELD_PREFIX.length))

export const REQUIRED_FIELDS: ImportField[] = ['period', 'amount']

// Header names seen in French and English exports (Conance, spreadsheets, insurers' statements).
const SYNONYMS: Record<ImportField, string[]> = {
  clientNumber: [
    'client number',
    'numero client',
    'n client',
    'no client',
    'num client',
    'code client',
    'client id',
    'reference client',
    'client',
  ],
  lastName: ['last name', 'nom', 'nom client', 'nom de famille', 'surname', 'family name', 'name'],
  firstName: ['first name', 'prenom', 'prenom client', 'given name'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse email', 'adresse e mail'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'portable'],
  contractReference: [
    'contract reference',
    'reference contrat',
    'contrat',
    'n contrat',
    'numero contrat',
    'contract',
    'policy',
    'police',
    'reference',
  ],
  product: ['product', 'produit', 'type de contrat', 'gamme'],
  advisorCode: ['advisor code', 'code conseiller', 'conseiller', 'advisor', 'apporteur', 'code apporteur'],
  period: ['period', 'periode', 'mois', 'month', 'date', 'date commission', 'echeance'],
  amount: ['amount', 'montant', 'commission', 'montant commission', 'montant ht', 'total'],
  rate: ['rate', 'taux', 'taux commission', 'pourcentage', 'percent'],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'labels'],
  marketingConsent: [
    'marketing consent',
    'consentement marketing',
    'consentement',
    'consent',
    'opt in',
    'optin',
  ],
}

const headerKey = (header: string) =>
  normalizeForSearch(header)
    .replace(/[@.+_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** The mapping proposed for a header line: each field takes the first column whose name it knows. */
export function proposeMapping(headers: string[]): ImportMapping {
  const keys = headers.map(headerKey)
  const mapping: ImportMapping = {}
  const taken = new Set<number>()
  // Exact names first, so `nom` is the last name even when `nom client` also exists.
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue
      const index = keys.findIndex(
        (key, i) =>
          !taken.has(i) &&
          SYNONYMS[field].some((synonym) => (exact ? key === synonym : key.startsWith(`${synonym} `))),
      )
      if (index !== -1) {
        mapping[field] = index
        taken.add(index)
      }
    }
  }
  return mapping
}

/** A mapping as sent by a form: only known fields, only column indexes the file has. */
export function readMapping(raw: unknown, columnCount: number): ImportMapping {
  const source = (typeof raw === 'string' ? safeJson(raw) : raw) as Record<string, unknown> | null
  const mapping: ImportMapping = {}
  for (const field of IMPORT_FIELDS) {
    const value = source?.[field]
    const index = value === '' || value === null || value === undefined ? NaN : Number(value)
    if (Number.isInteger(index) && index >= 0 && index < columnCount) mapping[field] = index
  }
  for (const [name, value] of Object.entries(source ?? {})) {
    if (!name.startsWith(CUSTOM_FIELD_PREFIX)) continue
    if (!CUSTOM_FIELD_KEY.test(name.slice(CUSTOM_FIELD_PREFIX.length))) continue
    const index = value === '' || value === null || value === undefined ? NaN : Number(value)
    if (Number.isInteger(index) && index >= 0 && index < columnCount) mapping[name as `cf__${string}`] = index
  }
  return mapping
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

// `1 234,56`, `1234.56`, `-12,5`, `€ 12`; spaces (also no-break) as thousands separators.
const NUMBER = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/

/** A decimal written by a person or a spreadsheet, as a string with `scale` decimals; null if it is none. */
export function readDecimal(raw: string, scale: number): string | null {
  let text = raw
    .trim()
    .replace(/[€%]|EUR/gi, '')
    .trim()
  if (text === '') return null
  // Thousands separators that are also decimal marks only with the other mark after them:
  // `1,234.56` (English) and `1.234,56` (French, German). A lone `1.234` is a decimal.
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(text)) text = text.replace(/,/g, '')
  else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) text = text.replace(/\./g, '')
  const match = NUMBER.exec(text)
  if (!match) return null
  const units = match[2].replace(/[ \u00a0\u202f]/g, '')
  const decimals = match[3] ?? ''
  if (decimals.length > scale) return null
  return `${match[1] === '-' ? '-' : ''}${BigInt(units)}.${decimals.padEnd(scale, '0')}`
}

/** The first day of the month a period names: `2026-03`, `2026-03-15`, `03/2026`, `15/03/2026`, `2026/03`. */
export function readPeriod(raw: string): string | null {
  const text = raw.trim()
  let year: number
  let month: number
  let match = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text)
  if (match) {
    year = Number(match[1])
    month = Number(match[2])
    if (match[3] && !validDay(year, month, Number(match[3]))) return null
  } else if ((match = /^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$/.exec(text))) {
    year = Number(match[3])
    month = Number(match[2])
    if (match[1] && !validDay(year, month, Number(match[1]))) return null
  } else return null
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null
  return `${year}-${String(month).padStart(2, '0')}-01`
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const MAX_AMOUNT = 9_999_999_999.99

export interface ParsedRow {
  line: number
  clientNumber: string | null
  lastName: string | null
  firstName: string | null
  email: string | null
  phone: string | null
  contractReference: string | null
  product: string | null
  advisorCode: string | null
  period: string | null
  amount: string | null
  rate: string | null
  /** Tags for a client the row creates (a matched client keeps its own). */
  tags: string[]
  /** A new client's marketing consent (`in` for yes, `out` for no), null when blank. */
  consent: 'in' | 'out' | null
  /** A new client's custom values as the file writes them, by field key (blank ones left out). */
  custom: Record<string, string>
  /** Message keys of what is wrong with the row itself (before any lookup). */
  errors: string[]
}

const YES = ['yes', 'y', 'oui', 'o', '1', 'true', 'vrai', 'x', 'in', 'opt in']
const NO = ['no', 'n', 'non', '0', 'false', 'faux', 'out', 'opt out']

/** A yes/no cell: `in` (yes, oui, 1…), `out` (no, non, 0…), undefined when it is neither. */
function readConsent(raw: string): 'in' | 'out' | undefined {
  const text = normalizeForSearch(raw).replace(/[-_]/g, ' ').trim()
  if (YES.includes(text)) return 'in'
  if (NO.includes(text)) return 'out'
  return undefined
}

const cut = (value: string | null, max: number) => (value && value.length > max ? null : value)

/** One record read through the mapping: values cleaned, each problem named. */
export function readRow(line: number, values: string[], mapping: ImportMapping): ParsedRow {
  const get = (field: ImportField) => {
    const index = mapping[field]
    const value = index === undefined ? '' : (values[index] ?? '').trim()
    return value === '' ? null : value
  }
  const errors: string[] = []
  const rawAmount = get('amount')
  const amount = rawAmount === null ? null : readDecimal(rawAmount, 2)
  if (rawAmount === null) errors.push('importMissingAmount')
  else if (amount === null) errors.push('importBadAmount')
  else if (Math.abs(Number(amount)) > MAX_AMOUNT) errors.push('importAmountTooLarge')
  const rawPeriod = get('period')
  const period = rawPeriod === null ? null : readPeriod(rawPeriod)
  if (rawPeriod === null) errors.push('importMissingPeriod')
  else if (period === null) errors.push('importBadPeriod')
  const rawRate = get('rate')
  const rate = rawRate === null ? null : readDecimal(rawRate, 4)
  if (rawRate !== null && (rate === null || Math.abs(Number(rate)) >= 1000)) errors.push('importBadRate')
  const rawEmail = get('email')
  const email = rawEmail === null ? null : normalizeEmail(rawEmail)
  if (email !== null && !isValidEmail(email)) errors.push('importBadEmail')
  const rawTags = get('tags')
  const tags = rawTags === null ? [] : splitTagNames(rawTags)
  if (tags === null) errors.push('importBadTags')
  const rawConsent = get('marketingConsent')
  const consent = rawConsent === null ? null : readConsent(rawConsent)
  if (consent === undefined) errors.push('importBadConsent')
  const custom: Record<string, string> = {}
  for (const key of mappedCustomKeys(mapping)) {
    const index = mapping[`cf__${key}`] as number
    const value = (values[index] ?? '').trim()
    if (value !== '') custom[key] = value
  }
  const row: ParsedRow = {
    line,
    clientNumber: get('clientNumber')?.toUpperCase() ?? null,
    lastName: get('lastName'),
    firstName: get('firstName'),
    email,
    phone: get('phone'),
    contractReference: get('contractReference'),
    product: get('product'),
    advisorCode: get('advisorCode'),
    period,
    amount,
    rate,
    tags: tags ?? [],
    consent: consent ?? null,
    custom,
    errors,
  }
  const lengths: [keyof ParsedRow, number][] = [
    ['clientNumber', 32],
    ['lastName', 100],
    ['firstName', 100],
    ['phone', 40],
    ['contractReference', 64],
    ['product', 120],
    ['advisorCode', 32],
  ]
  for (const [field, max] of lengths) {
    if (cut(row[field] as string | null, max) === null && row[field] !== null)
      errors.push('importValueTooLong')
  }
  if (!row.clientNumber && !row.email && !row.lastName) errors.push('importNoClient')
  return row
}
