import type { ActionResponse, After, Before, RecordJSON } from 'adminjs'
import { isSecretKey, withoutSecrets } from '../services/core/secrets.js'

function stripRecord(record: RecordJSON): RecordJSON {
  const populated: RecordJSON['populated'] = {}
  for (const [key, value] of Object.entries(record.populated ?? {})) {
    populated[key] = value ? stripRecord(value) : value
  }
  return { ...record, params: withoutSecrets(record.params ?? {}), populated }
}

/**
 * After every action: no secret leaves in `record`, `records` or their populated references.
 * AdminJS serialises every column it has, hidden or not, so hiding a property is not enough.
 */
export const stripSecretsFromResponse: After<ActionResponse> = async (response) => {
  if (!response || typeof response !== 'object') return response
  const out: ActionResponse = { ...response }
  if (out.record) out.record = stripRecord(out.record as RecordJSON)
  if (Array.isArray(out.records)) out.records = (out.records as RecordJSON[]).map(stripRecord)
  return out
}

/** Before create and edit: the panel never writes a secret column directly (dedicated actions do). */
export const dropSecretsFromPayload: Before = async (request) => {
  if (!request.payload) return request
  const payload = Object.fromEntries(Object.entries(request.payload).filter(([key]) => !isSecretKey(key)))
  return { ...request, payload }
}
