import type { ActionResponse, After, Before, RecordJSON } from 'adminjs'

/**
 * Property names that hold secrets. They never leave the server: no API body, no log line, no
 * history diff. Matched against the last segment of a flattened AdminJS path, so
 * `client.passwordHash` and `populated.client.params.passwordHash` are caught too. Every action
 * of the plugin's resources strips them from its answer and drops them from a create or edit's
 * payload (below); the event writer masks them in a change (transaction.ts).
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'password',
  'passwordConfirmation',
  'passwordHash',
  'twoFactorSecret',
  'twoFactorRecoveryCodes',
  'tokenHash',
  'token',
  'stripeSecretKey',
  // A queued email's real text (a confirmation or reset link with its token in it).
  'pendingContent',
])

export const MASK = '••••••'

export function isSecretKey(path: string): boolean {
  // Called for every value of every record sent: no array built per call.
  const dot = path.lastIndexOf('.')
  return SECRET_KEYS.has(dot === -1 ? path : path.slice(dot + 1))
}

const isNested = (value: unknown) =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)

/** Whether `params` holds a secret key or a nested object (which may hold one). */
function mayHoldSecrets(params: Record<string, unknown>): boolean {
  for (const key in params) {
    if (Object.hasOwn(params, key) && (isSecretKey(key) || isNested(params[key]))) return true
  }
  return false
}

/**
 * `params` without secret keys (flattened or nested): a copy, or `params` itself when it holds
 * none (most records of a page: 20 rows of ~50 values, no copy made for each).
 */
export function withoutSecrets<T extends Record<string, unknown>>(params: T): T {
  if (!mayHoldSecrets(params)) return params
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (isSecretKey(key)) continue
    out[key] = isNested(value) ? withoutSecrets(value as Record<string, unknown>) : value
  }
  return out as T
}

/**
 * The record without secrets, with `params` and `populated` always there (a lean reference has
 * neither). The record itself when it holds no secret and has both: a page of rows is not copied
 * again (each row was made for this answer).
 */
function stripRecord(record: RecordJSON): RecordJSON {
  let changed = !record.params || !record.populated
  const populated: RecordJSON['populated'] = {}
  for (const key in record.populated ?? {}) {
    if (!Object.hasOwn(record.populated, key)) continue
    const value = record.populated[key]
    const stripped = value ? stripRecord(value) : value
    if (stripped !== value) changed = true
    populated[key] = stripped
  }
  const params = withoutSecrets(record.params ?? {})
  if (!changed && params === record.params) return record
  return { ...record, params, populated }
}

/**
 * After every action of the plugin's resources (resources/secureActions.ts): no secret leaves in
 * `record`, `records` or their populated references. AdminJS serialises every column it has,
 * hidden or not, so hiding a property is not enough.
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
