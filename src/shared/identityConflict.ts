import { NAME_MATCH_THRESHOLD, nameSimilarity } from './nameSimilarity.js'
import { normalizeForSearch } from './searchText.js'

/** Who a client is, as the admin reads it: number, names, email. */
export interface Identity {
  clientNumber: string | null
  lastName: string | null
  firstName: string | null
  email: string | null
}

/** What pointed a row at a client that is someone else. */
export type ConflictVia = 'clientNumber' | 'email' | 'contractReference'

/** A row whose number, email or contract reference names a client whose identity clearly differs. */
export interface IdentityConflict {
  via: ConflictVia
  value: string
  /** The client in the database, or created by an earlier row of the file (`line`). */
  existing: Identity & { id: number | null; line?: number }
  row: Identity
}

/** What the admin chose for a conflict: file the row under the existing client anyway, or skip it. */
export type IdentityDecision = 'attach' | 'skip'

/** Decisions by line, and one for every conflict without its own (`all`). */
export interface IdentityDecisions {
  lines: Record<string, IdentityDecision>
  all: IdentityDecision | null
}

export const noDecisions = (): IdentityDecisions => ({ lines: {}, all: null })

const DECISIONS: IdentityDecision[] = ['attach', 'skip']
const isDecision = (v: unknown): v is IdentityDecision => DECISIONS.includes(v as IdentityDecision)
/** Lines a file may have: more decisions than this are refused as input, not stored. */
const MAX_DECISIONS = 10_000

/** Decisions as sent by a form or a script: only line numbers and the two known choices are kept. */
export function readDecisions(raw: unknown): IdentityDecisions {
  let source = raw
  if (typeof raw === 'string') {
    try {
      source = JSON.parse(raw)
    } catch {
      source = null
    }
  }
  const out = noDecisions()
  if (!source || typeof source !== 'object') return out
  const { lines, all } = source as { lines?: unknown; all?: unknown }
  if (isDecision(all)) out.all = all
  if (lines && typeof lines === 'object') {
    for (const [line, decision] of Object.entries(lines).slice(0, MAX_DECISIONS)) {
      if (/^[1-9]\d{0,9}$/.test(line) && isDecision(decision)) out.lines[line] = decision
    }
  }
  return out
}

/** The decision for a row's conflict, if the admin made one. */
export const decisionFor = (decisions: IdentityDecisions, line: number): IdentityDecision | null =>
  decisions.lines[String(line)] ?? decisions.all

const words = (name: string) => normalizeForSearch(name).split(' ').filter(Boolean)

// Names differ beyond a typo, and neither holds the other's words (O'Brien / O'Brien "Junior",
// Marie / Marie-Claire: one person written more or less fully).
const differs = (a: string, b: string) => {
  const x = words(a)
  const y = words(b)
  if (x.length === 0 || y.length === 0) return false
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  if (short.every((w) => long.includes(w))) return false
  return nameSimilarity(x.join(' '), y.join(' ')) < NAME_MATCH_THRESHOLD
}

/**
 * Two identities are clearly different people when their normalised last names AND first names
 * differ beyond a typo (the import's own threshold: Dupont/Dupond is one person; a side without a
 * first name proves nothing), and, when both sides have an email, the emails differ. When the email is what
 * pointed at the client (`byEmail`), it is the same on both sides by definition: the names decide.
 */
export function identitiesDiffer(a: Identity, b: Identity, byEmail = false): boolean {
  if (!a.lastName || !b.lastName || !differs(a.lastName, b.lastName)) return false
  if (!a.firstName || !b.firstName || !differs(a.firstName, b.firstName)) return false
  return byEmail || !(a.email && b.email && a.email === b.email)
}

const describe = (i: Identity) =>
  [[i.lastName, i.firstName].filter(Boolean).join(' '), i.email].filter(Boolean).join(', ')

/** The parameters of `importIdentityConflictDetail`: both identities side by side, for a line. */
export const conflictDetail = (line: number, conflict: IdentityConflict) => ({
  line,
  value: conflict.value,
  existing: describe(conflict.existing),
  row: describe(conflict.row),
})
