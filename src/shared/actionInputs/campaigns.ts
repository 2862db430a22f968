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

/** A record's id as sent; anything but a whole number is `invalidValue`. */
const recordId = () =>
  hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value, ctx): number => {
        const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
        if (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647) return Number(raw)
        ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
        return 0
      }),
    ),
    16,
  )

/** The draft as the editor sends it; the service checks each value (every field's error at once, by name). */
export const campaignInput = actionInput({
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
