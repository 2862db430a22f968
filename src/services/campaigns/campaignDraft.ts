import type { DataSource } from 'typeorm'
import type { Campaign } from '../../entities/Campaign.js'
import { isChecked } from '../../shared/actionInputs/fields.js'
import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters } from '../core/requestValues.js'
import { MAX_THROTTLE_PER_MINUTE } from './campaignOptions.js'
import { readMessages } from './campaignMessages.js'
import { readSegment, type Segment, type SegmentPreview } from './campaignSegment.js'
import { viewSegmentOrError } from './campaignView.js'

// The editor's draft as a form sends it (every value a string), read with the campaign's rules:
// once to save it (readDraft), once per pause in typing to preview it (readDraftPreview).

/** A campaign as a form or a script gives it (every value a string, as forms send them). */
export type CampaignInput = Partial<Record<string, unknown>>

/** The preview of an unsaved draft: the segment's count and skipped, and the email for one recipient. */
export interface DraftPreview extends SegmentPreview {
  /** The email as `clientId` (else the first recipient) would receive it; null: nobody, or no message yet. */
  email: { clientId: number; subject: string; text: string; language: string } | null
  /** The message's field errors (`text_en`…): the count stands, the email waits for a message that reads. */
  errors: Record<string, string>
}

const MAX_NAME = 120

/** Runs `read`, gathering its field errors into `errors`; its value, or undefined when it failed. */
function gather<T>(errors: Record<string, string>, read: () => T): T | undefined {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    Object.assign(errors, error.fields)
    return undefined
  }
}

/** Who the draft is for: a saved view's id, or its own filters (each checked as the client list checks it). */
function readTarget(input: CampaignInput): { viewId: number | null; segment: Segment } {
  const errors: Record<string, string> = {}
  const viewText = String(input.viewId ?? '').trim()
  const viewId = viewText === '' ? null : Number(viewText)
  if (viewId !== null && !(Number.isInteger(viewId) && viewId > 0 && viewId < 2 ** 31))
    errors.viewId = 'invalidValue'
  const segment = gather(errors, () => readSegment(input.segment ?? {}))
  if (Object.keys(errors).length > 0 || !segment) throw new InvalidInputError(errors)
  return { viewId, segment }
}

const templateKeyOf = (input: CampaignInput) =>
  typeof input.templateKey === 'string' && input.templateKey.trim() !== '' ? input.templateKey.trim() : null

/** The fields of a draft, checked: a field error (InvalidInputError) for each that does not fit. */
export function readDraft(
  input: CampaignInput,
  custom: readonly { key: string }[],
  defaultThrottle: number,
): Partial<Campaign> {
  const errors: Record<string, string> = {}
  const name = typeof input.name === 'string' ? input.name.trim() : ''
  if (name === '') errors.name = 'fieldRequired'
  else if (name.length > MAX_NAME || hasControlCharacters(name)) errors.name = 'campaignBadName'
  const templateKey = templateKeyOf(input)
  const throttleText = String(input.throttlePerMinute ?? '').trim()
  const throttle = throttleText === '' ? defaultThrottle : Number(throttleText)
  if (!Number.isInteger(throttle) || throttle < 1 || throttle > MAX_THROTTLE_PER_MINUTE)
    errors.throttlePerMinute = 'campaignBadThrottle'
  const target = gather(errors, () => readTarget(input))
  const messages = gather(errors, () => readMessages(input, templateKey, custom))
  if (Object.keys(errors).length > 0 || !target || !messages) throw new InvalidInputError(errors)
  return {
    ...target,
    messages,
    name,
    templateKey,
    throttlePerMinute: throttle,
    includeUnconfirmed: isChecked(input.includeUnconfirmed),
  }
}

/**
 * What a draft's preview needs, read with the same rules as a save: the segment as `admin` sees it
 * now (a bad filter, or a view that is gone or another's: a field error, thrown) and the message
 * (its field errors returned, not thrown: the count does not wait for the text). The name and
 * the throttle do not change the preview and are not asked for while typing.
 */
export async function readDraftPreview(
  dataSource: DataSource,
  input: CampaignInput,
  custom: readonly { key: string }[],
  admin: { email?: unknown } | null,
) {
  const target = readTarget(input)
  const segment = target.viewId ? await viewSegmentOrError(dataSource, target.viewId, admin) : target.segment
  const errors: Record<string, string> = {}
  const templateKey = templateKeyOf(input)
  const messages = gather(errors, () => readMessages(input, templateKey, custom))
  return {
    segment,
    includeUnconfirmed: isChecked(input.includeUnconfirmed),
    message: messages ? { messages, templateKey } : null,
    errors,
  }
}
