// Campaigns (issue 29): the editor's draft, whom to preview or test it as, when to send it.
import * as z from 'zod/mini'
import { actionInput, field, formMeta } from './fields.js'

const hidden = <S extends z.core.$ZodType>(schema: S, limit: number): S => {
  formMeta.add(schema, { widget: 'hidden', limit })
  return schema
}

/** A text the campaign service reads and checks itself (the segment's JSON, a subject…); anything else is blank. */
const text = (limit: number) =>
  hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value) => (typeof value === 'string' ? value : '')),
    ),
    limit,
  )

const RECORD_ID = /^[1-9]\d{0,9}$/

/** A record's id as sent, a whole number; anything else is `invalidValue` (blank too, unless `blank` is its value). */
const idOf = <B>(blank: B) =>
  hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value, ctx): number | B => {
        const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
        if (blank !== 0 && (value === undefined || value === '')) return blank
        if (RECORD_ID.test(raw) && Number(raw) <= 2_147_483_647) return Number(raw)
        ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
        return 0
      }),
    ),
    16,
  )

/** A record's id, required. */
const recordId = () => idOf(0 as const)
/** A record's id or blank (null). */
const optionalRecordId = () => idOf(null)

/** The draft as the editor sends it; the service checks each value (every field's error at once, by name). */
const draftShape = {
  name: text(120),
  viewId: text(16),
  segment: text(4000),
  templateKey: text(64),
  subject_fr: text(200),
  text_fr: text(20_000),
  subject_en: text(200),
  text_en: text(20_000),
  includeUnconfirmed: field.checkbox(),
  throttlePerMinute: text(8),
}
export const campaignInput = actionInput(draftShape)

/** The unsaved draft to preview (POST), as whom (blank: the first recipient), and its record if saved. */
export const campaignDraftPreviewInput = actionInput({
  ...draftShape,
  clientId: optionalRecordId(),
  campaignId: optionalRecordId(),
})

/** Whom the email is previewed or tested as. */
export const campaignRecipientInput = actionInput({ clientId: recordId() })

/** Send now (`at` blank) or at a date and time (ISO 8601, as the editor sends it); a bad date is `invalidValue`. */
export const startCampaignInput = actionInput({
  at: hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value, ctx): Date | null => {
        if (value === undefined || value === null || value === '') return null
        const date = typeof value === 'string' && value.length <= 40 ? new Date(value) : null
        if (date && !Number.isNaN(date.getTime()) && date.getFullYear() < 10_000) return date
        ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
        return null
      }),
    ),
    40,
  ),
})
