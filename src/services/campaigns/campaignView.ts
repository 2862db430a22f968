import type { DataSource } from 'typeorm'
import { InvalidInputError } from '../core/errors.js'
import { resolveViewQuery } from '../views/viewCounts.js'
import { readSegment, type Segment } from './campaignSegment.js'

// A saved view as a campaign's segment: its filters, as the admin sees the view (a private view
// is its owner's alone), read when the draft is saved, previewed as the view is now, and taken
// again when the campaign starts.

/**
 * The segment of the saved view `viewId` as `admin` sees it now: its filters, read as a
 * segment's (a view of deleted clients is refused as such). Null: the view is gone, or is
 * another admin's private one. Its sort and columns do not change who is in it.
 */
export async function viewSegment(
  dataSource: DataSource,
  viewId: number,
  admin: { email?: unknown } | null | undefined,
): Promise<Segment | null> {
  const view = await resolveViewQuery(dataSource, viewId, admin)
  if (!view) return null
  return readSegment(
    Object.fromEntries(Object.entries(view.params).filter(([k]) => k.startsWith('filters.'))),
  )
}

/** The same, or a field error on `viewId` when the view is gone, private to another admin, or not a campaign's. */
export async function viewSegmentOrError(
  dataSource: DataSource,
  viewId: number,
  admin: { email?: unknown } | null | undefined,
): Promise<Segment> {
  try {
    const segment = await viewSegment(dataSource, viewId, admin)
    if (segment) return segment
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError({ viewId: error.fields.segment })
    throw error
  }
  throw new InvalidInputError({ viewId: 'viewNotFound' })
}

/** A campaign's segment now: its view's as `admin` sees it (null: gone or not theirs), else its own. */
export async function currentSegment(
  dataSource: DataSource,
  campaign: { viewId: number | null; segment: Segment },
  admin: { email?: unknown } | null | undefined,
): Promise<Segment | null> {
  if (campaign.viewId === null) return campaign.segment
  return viewSegment(dataSource, campaign.viewId, admin).catch(() => null)
}
