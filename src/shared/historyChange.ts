/** Which record a history change is about: the client's own field, or one of its contracts'. */
export interface ChangeField {
  resource: 'Client' | 'Contract'
  property: string
  /** The contract's id, for a contract's field. */
  contractId?: string
}

/**
 * Reads a change's field as the services write it: `status` (the client's) or
 * `contract 110 status` (services/lifecycle/contractBulk.ts), so that the page names it
 * "Contrat n° 110, Statut" instead of AdminJS's guess "Contract 110 Status".
 */
export function readChangeField(field: string): ChangeField {
  const contract = /^contract (\d+) (\w+)$/.exec(field)
  if (contract) return { resource: 'Contract', property: contract[2], contractId: contract[1] }
  return { resource: 'Client', property: field }
}

/** How a history value is shown: by its label, as a date, money, yes/no, hidden (a secret), or as text. */
type ChangeValueKind = 'none' | 'label' | 'date' | 'dateTime' | 'money' | 'boolean' | 'text'

/** Fields whose values are keys of a list of labels (`status.suspended` → "Suspendu"). */
const LABELLED = new Set(['status', 'locale', 'type', 'actorType'])
const MONEY = new Set(['balance', 'premium', 'amount'])
const DAYS = new Set(['startDate', 'endDate', 'period'])

/** Secret fields: the history says they changed, never what they hold (masked when written). */
export const SECRET_CHANGE_FIELDS = new Set(['passwordHash', 'twoFactorSecret', 'twoFactorRecoveryCodes'])

/** The kind of one value of a change of `property` (a field read by readChangeField). */
export function changeValueKind(property: string, value: unknown): ChangeValueKind {
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'boolean') return 'boolean'
  if (LABELLED.has(property)) return 'label'
  if (MONEY.has(property)) return 'money'
  const text = value instanceof Date ? value.toISOString() : String(value)
  if (DAYS.has(property) || /^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date'
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return 'dateTime'
  return 'text'
}
