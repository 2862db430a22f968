import type { CampaignSkipReason } from '../../entities/columns.js'
import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters } from '../core/requestValues.js'
import type { ClientList } from '../list/clientList.js'
import { readListQuery, type ClientListQuery } from '../list/clientListQuery.js'
import type { Cursor } from '../list/keyset.js'

/** A segment: the client list's filters as its URL carries them, flat (`filters.status` → `active`). */
export type Segment = Record<string, string>

const MAX_SEGMENT_KEYS = 40

/**
 * Reads a segment from a form or a saved view: only `filters.*` keys, each a string the client
 * list itself accepts (the export's strict rules: an unknown filter or a bad value is a field error
 * on `segment`). Deleted clients are never a campaign's. Blank filters are dropped.
 */
export function readSegment(raw: unknown): Segment {
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = raw.trim() === '' ? {} : JSON.parse(raw)
    } catch {
      throw new InvalidInputError({ segment: 'campaignBadSegment' })
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidInputError({ segment: 'campaignBadSegment' })
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length > MAX_SEGMENT_KEYS) throw new InvalidInputError({ segment: 'campaignBadSegment' })
  const segment: Segment = {}
  for (const [key, v] of entries) {
    if (!key.startsWith('filters.') || typeof v !== 'string' || hasControlCharacters(v))
      throw new InvalidInputError({ segment: 'campaignBadSegment' })
    if (v.trim() !== '') segment[key] = v.trim()
  }
  try {
    segmentQuery(segment)
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError({ segment: 'campaignBadSegment' })
    throw error
  }
  if (segment['filters.status'] === 'deleted')
    throw new InvalidInputError({ segment: 'campaignDeletedSegment' })
  return segment
}

/** The list query of a segment (checked as the export checks its filters), oldest client first. */
export function segmentQuery(segment: Segment): ClientListQuery {
  const filters = Object.fromEntries(
    Object.entries(segment).map(([key, value]) => [key.slice('filters.'.length), value]),
  )
  return readListQuery(
    { filters, sortBy: 'createdAt', direction: 'asc' },
    { perPage: 1, maxPerPage: 1, sortBy: 'createdAt', direction: 'asc' },
    true,
  )
}

/** The columns a recipient is judged (and greeted) with. */
export const RECIPIENT_COLUMNS = [
  'clientNumber',
  'lastName',
  'firstName',
  'email',
  'locale',
  'status',
  'anonymisedAt',
  'marketingConsent',
  'emailConfirmedAt',
] as const

export type RecipientRow = Record<(typeof RECIPIENT_COLUMNS)[number] | 'id', unknown>

/** Why this client is not mailed, or null: it is. The first reason that applies. */
export function skipReason(row: RecipientRow, includeUnconfirmed: boolean): CampaignSkipReason | null {
  if (row.anonymisedAt) return 'anonymised'
  if (row.status === 'banned' || row.status === 'deleted') return 'banned'
  if (typeof row.email !== 'string' || row.email.trim() === '') return 'noEmail'
  if (row.marketingConsent === 'out') return 'unsubscribed'
  if (!row.emailConfirmedAt && !includeUnconfirmed) return 'unconfirmed'
  return null
}

/**
 * `skipReason` as an SQL expression over the client alias `c`: the reason (the same first one
 * that applies) or NULL. For the set-based freezing of a segment (campaignPlan.ts).
 */
export function skipReasonSql(c: string, includeUnconfirmed: boolean): string {
  return `CASE WHEN ${c}.anonymisedAt IS NOT NULL THEN 'anonymised'
    WHEN ${c}.status IN ('banned', 'deleted') THEN 'banned'
    WHEN ${c}.email IS NULL OR TRIM(${c}.email) = '' THEN 'noEmail'
    WHEN ${c}.marketingConsent = 'out' THEN 'unsubscribed'
    ${includeUnconfirmed ? '' : `WHEN ${c}.emailConfirmedAt IS NULL THEN 'unconfirmed'`}
    ELSE NULL END`
}

/** Rows per keyset page: memory stays that of one page whatever the segment's size. */
export const SEGMENT_PAGE_SIZE = 1000

/** One page of the segment after `cursor` (the list's own query and order). */
export const segmentPage = (
  clients: ClientList,
  query: ClientListQuery,
  cursor: Cursor | null,
  size = SEGMENT_PAGE_SIZE,
) => clients.keysetRows(query, RECIPIENT_COLUMNS, cursor, size)

/** What a campaign would do now: who is mailed, who is skipped and why (the first `listed` skipped). */
export interface SegmentPreview {
  recipients: number
  skipped: number
  byReason: Partial<Record<CampaignSkipReason, number>>
  skippedClients: { id: number; clientNumber: string; name: string; reason: CampaignSkipReason }[]
  /** The first recipients (at most 20): whom the panel's preview shows the email as. */
  firstRecipients: { id: number; clientNumber: string; name: string }[]
}

const nameOf = (row: RecipientRow) => [row.firstName, row.lastName].filter(Boolean).join(' ')

/** Walks the whole segment a keyset page at a time: the count and the skipped, never N+1. */
export async function previewSegment(
  clients: ClientList,
  segment: Segment,
  includeUnconfirmed: boolean,
  listed = 200,
): Promise<SegmentPreview> {
  const query = segmentQuery(segment)
  const preview: SegmentPreview = {
    recipients: 0,
    skipped: 0,
    byReason: {},
    skippedClients: [],
    firstRecipients: [],
  }
  let cursor: Cursor | null = null
  do {
    const page = await segmentPage(clients, query, cursor)
    for (const row of page.rows as RecipientRow[]) {
      const reason = skipReason(row, includeUnconfirmed)
      if (!reason) {
        preview.recipients += 1
        if (preview.firstRecipients.length < 20)
          preview.firstRecipients.push({
            id: Number(row.id),
            clientNumber: String(row.clientNumber),
            name: nameOf(row),
          })
        continue
      }
      preview.skipped += 1
      preview.byReason[reason] = (preview.byReason[reason] ?? 0) + 1
      if (preview.skippedClients.length < listed) {
        preview.skippedClients.push({
          id: Number(row.id),
          clientNumber: String(row.clientNumber),
          name: nameOf(row),
          reason,
        })
      }
    }
    cursor = page.cursor
  } while (cursor)
  return preview
}
