import * as z from 'zod/mini'
import { InvalidInputError } from './errors.js'

/** Field → message key of what is wrong with it. */
export type FieldErrors = Record<string, string>

/**
 * Reads what a form (or a host's call) sent with an action's input schema (src/shared/
 * actionInputs/): the typed value, or InvalidInputError with each field's first message key
 * (`fieldRequired`, `tooLong`, `badContractIds`…) before anything is written.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = z.safeParse(schema, payload ?? {})
  if (result.success) return result.data
  const fields: FieldErrors = {}
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '')
    fields[name] ??= issue.message
  }
  throw new InvalidInputError(fields)
}

/** Throws the field errors gathered, if any, before anything is written. */
export function throwIfInvalid(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
}
