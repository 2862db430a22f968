// Saved views of a list: save the current one, rename, share or unshare, delete, set as my default.
import * as z from 'zod/mini'
import { actionInput, field, formMeta, type InputValue } from './fields.js'
import { MAX_VIEW_NAME_LENGTH, MAX_VIEW_QUERY_LENGTH } from '../savedViews.js'

const hidden = <S extends z.core.$ZodType>(schema: S, limit: number): S => {
  formMeta.add(schema, { widget: 'hidden', limit })
  return schema
}

/** A view's id as sent; anything but a whole number is `invalidValue`. */
const viewId = () =>
  hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value, ctx): number => {
        const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
        if (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647) return Number(text)
        ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
        return 0
      }),
    ),
    16,
  )

/** The list's search string (`filters.status=active&sortBy=lastName`), or the columns (`status,lastName`). */
const searchText = (limit: number) =>
  hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value) => (typeof value === 'string' ? value : '')),
    ),
    limit,
  )

export const saveViewInput = actionInput({
  name: field.text({ maxLength: MAX_VIEW_NAME_LENGTH }),
  shared: field.checkbox(),
  query: searchText(MAX_VIEW_QUERY_LENGTH),
  columns: searchText(1000),
})
export type SaveViewInput = InputValue<typeof saveViewInput>

export const renameViewInput = actionInput({
  view: viewId(),
  name: field.text({ maxLength: MAX_VIEW_NAME_LENGTH }),
})
export type RenameViewInput = InputValue<typeof renameViewInput>

export const shareViewInput = actionInput({ view: viewId(), shared: field.checkbox() })
export type ShareViewInput = InputValue<typeof shareViewInput>

/** Delete a view, or make it one's default. */
export const viewInput = actionInput({ view: viewId() })
export type ViewInput = InputValue<typeof viewInput>

/** The default view: a view, or none (blank) to open the whole list again. */
export const defaultViewInput = actionInput({
  view: hidden(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((value, ctx): number | null => {
        if (value === undefined || value === null || value === '') return null
        const text = String(value).trim()
        if (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647) return Number(text)
        ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
        return null
      }),
    ),
    16,
  ),
})
export type DefaultViewInput = InputValue<typeof defaultViewInput>
