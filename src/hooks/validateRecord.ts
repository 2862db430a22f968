import { ValidationError, type ActionContext, type ActionRequest, type Before } from 'adminjs'
import { Not, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm'
import { isValidEmail } from '../shared/clientIdentity.js'
import { isPlainValue } from '../services/core/requestValues.js'
import { columnValueProblem } from './columnValue.js'

export interface RecordRules {
  /** Fields that must not be empty (on create; on edit when sent). */
  required?: string[]
  /** Fields whose value must not already exist in another row. */
  unique?: string[]
  emails?: string[]
  /** Fields that must be decimal numbers (`1234.56`, `-3`). */
  decimals?: string[]
  /** Fields that must be dates `YYYY-MM-DD`. */
  dates?: string[]
}

const DECIMAL = /^-?\d{1,10}(\.\d{1,4})?$/
const DATE = /^\d{4}-\d{2}-\d{2}/

/** The values AdminJS offers for a property (`availableValues`), if it offers a closed list. */
function choicesOf(context: ActionContext, field: string): string[] | null {
  const values = context.resource.decorate().getPropertyByKey(field)?.availableValues()
  return values ? values.map((v) => String(v.value)) : null
}

/** Answers HTTP 400 rather than AdminJS's 200: the panel's forms never send such a payload. */
function answer400(request: ActionRequest): void {
  ;(request as { res?: { status?: (code: number) => unknown } }).res?.status?.(400)
}

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === ''

/**
 * Before create and edit: checks the payload and answers with per-field errors (message keys
 * translated by the panel) instead of letting the database fail with a 500 or store a bad value.
 * Every field is checked against its column first (type, length, control characters, choices);
 * an array or object (flattened by AdminJS into `field.0`, `field.key`) is refused with a 400.
 */
export function validateRecord(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  rules: RecordRules,
): Before {
  return async (request, context) => {
    if (request.method !== 'post' || !request.payload) return request
    const payload = request.payload as Record<string, unknown>
    const creating = context.action.name === 'new'
    const errors: Record<string, { message: string; type: string }> = {}
    const fail = (field: string, message: string) => {
      errors[field] ??= { message, type: message }
    }
    let malformed = false

    const metadata = dataSource.getMetadata(entity)
    for (const [key, value] of Object.entries(payload)) {
      const field = key.split('.')[0]
      const column = metadata.findColumnWithPropertyName(field)
      const problem =
        key !== field
          ? { message: 'invalidValue', malformed: true }
          : column
            ? columnValueProblem(column, value, choicesOf(context, field))
            : value === null || value === undefined || isPlainValue(value)
              ? null
              : { message: 'invalidValue', malformed: true }
      if (!problem) continue
      malformed ||= problem.malformed
      fail(field, problem.message)
    }

    for (const field of rules.required ?? []) {
      if (errors[field]) continue
      if ((creating || field in payload) && isBlank(payload[field])) fail(field, 'fieldRequired')
    }
    for (const field of rules.emails ?? []) {
      if (!isBlank(payload[field]) && !isValidEmail(String(payload[field]))) fail(field, 'invalidEmail')
    }
    for (const field of rules.decimals ?? []) {
      if (!isBlank(payload[field]) && !DECIMAL.test(String(payload[field]).trim()))
        fail(field, 'invalidNumber')
    }
    for (const field of rules.dates ?? []) {
      const value = payload[field]
      if (!isBlank(value) && (!DATE.test(String(value)) || Number.isNaN(Date.parse(String(value))))) {
        fail(field, 'invalidDate')
      }
    }

    const repository = dataSource.getRepository(entity)
    const idName = metadata.primaryColumns[0].propertyName
    const recordId = context.record?.id()
    for (const field of rules.unique ?? []) {
      const value = payload[field]
      if (errors[field] || isBlank(value)) continue
      const where: Record<string, unknown> = { [field]: value }
      if (!creating && recordId !== undefined) where[idName] = Not(recordId)
      if (await repository.exists({ where })) fail(field, 'alreadyTaken')
    }

    if (Object.keys(errors).length > 0) {
      if (malformed) answer400(request)
      throw new ValidationError(errors, { message: 'thereWereValidationErrors', type: 'validation' })
    }
    return request
  }
}
