import { CLIENT_STATUSES } from '../../entities/columns.js'
import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters, isCalendarDate, isRecordId } from '../core/requestValues.js'

// The Client list's filters, and what each takes. The list drops what does not fit (the panel
// never sends it); an export, which writes personal data to a file, refuses it instead.
const CLIENT_FILTERS: Record<string, (value: string) => boolean> = {
  q: (v) => v.length <= 200,
  status: (v) => (CLIENT_STATUSES as readonly string[]).includes(v),
  advisor: isRecordId,
  advisorId: isRecordId,
  importBatchId: isRecordId,
  'createdAt~~from': isCalendarDate,
  'createdAt~~to': isCalendarDate,
  hasActiveContracts: (v) => v === 'true' || v === 'false',
}

/**
 * Checks the filters of a Client export as the panel's URL carries them (`filters.status`…): a
 * filter the list does not have is `exportUnknownFilter`, a value it cannot take `exportBadFilter`.
 */
export function readClientExportFilters(params: Record<string, unknown>): void {
  const errors: Record<string, string> = {}
  for (const [key, raw] of Object.entries(params)) {
    if (!key.startsWith('filters.')) continue
    const name = key.slice('filters.'.length)
    if (!Object.hasOwn(CLIENT_FILTERS, name)) errors[key] = 'exportUnknownFilter'
    else if (typeof raw !== 'string' || hasControlCharacters(raw)) errors[key] = 'exportBadFilter'
    else if (raw.trim() !== '' && !CLIENT_FILTERS[name](raw.trim())) errors[key] = 'exportBadFilter'
  }
  if (params.direction !== undefined && params.direction !== 'asc' && params.direction !== 'desc')
    errors.direction = 'exportBadSort'
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors)
}
