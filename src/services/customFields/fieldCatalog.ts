import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { CustomField } from '../../entities/CustomField.js'
import { choicesText, readChoices, readDefinition } from '../../shared/customFieldDefinition.js'
import type { CustomFieldDefinition } from '../../shared/customFields.js'
import type { Actor } from '../core/requestValues.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { inTransaction } from '../core/transaction.js'
import { fillUniqueValues, isDuplicateKey } from './customValues.js'

// The firm's custom fields (issue 28), defined by admins in the panel. Read from the database at
// each use (a firm has tens of them): two instances defining and using fields at once agree;
// only the client list's pages reuse a copy for two seconds (`listActiveFields`).

/** A stored field as the services and the panel read it. */
export const definitionOf = (field: CustomField): CustomFieldDefinition => ({
  id: field.id,
  key: field.key,
  type: field.type,
  labelFr: field.labelFr,
  labelEn: field.labelEn,
  required: Boolean(field.required),
  isUnique: Boolean(field.isUnique),
  defaultValue: field.defaultValue,
  pattern: field.pattern,
  choices: ((read) => (Array.isArray(read) ? read : []))(readChoices(field.choices)),
  position: field.position,
  personal: Boolean(field.personal),
  searchable: Boolean(field.searchable),
  visibility: field.visibility,
})

/** The fields in use (not removed), in their order: what forms, the page and the list show. */
export async function activeFields(source: DataSource | EntityManager): Promise<CustomFieldDefinition[]> {
  const rows = await source
    .getRepository(CustomField)
    .find({ where: { removedAt: IsNull() }, order: { position: 'ASC', id: 'ASC' } })
  return rows.map(definitionOf)
}

/**
 * How long a process reuses the definitions it read for the client list (its columns and
 * values): the list asks on every page, a firm changes its fields a few times a year. A change
 * made through this process is seen at once (`forgetFields`); one made through another instance
 * of a cluster within this time (no message goes between instances). Writes (the forms, the
 * import) and the filters' SQL read the table itself, never this copy.
 */
const LIST_FIELDS_TTL_MS = 2000

const listFields = new WeakMap<DataSource, { at: number; fields: Promise<CustomFieldDefinition[]> }>()

/** The fields in use as the client list shows them: `activeFields`, reused for `LIST_FIELDS_TTL_MS`. */
export function listActiveFields(dataSource: DataSource): Promise<readonly CustomFieldDefinition[]> {
  const now = Date.now()
  const kept = listFields.get(dataSource)
  if (kept && now - kept.at < LIST_FIELDS_TTL_MS) return kept.fields
  const fields = activeFields(dataSource)
  listFields.set(dataSource, { at: now, fields })
  // A failed read is not kept: the next request asks again (its caller answers 503 meanwhile).
  fields.catch(() => listFields.get(dataSource)?.fields === fields && listFields.delete(dataSource))
  return fields
}

/** Drops this process's copy after a change of the definitions. */
const forgetFields = (dataSource: DataSource): void => void listFields.delete(dataSource)

function readOrThrow(payload: Record<string, unknown>) {
  const read = readDefinition(payload)
  if ('errors' in read) throw new InvalidInputError(read.errors)
  const { choices, ...rest } = read.definition
  // Stored as the form shows them, written back in one shape whatever was typed.
  return { ...rest, choiceList: choices, choices: choices.length > 0 ? choicesText(choices) : null }
}

/**
 * A new field; its key is free (removed fields keep theirs: the history names them). Another
 * instance's field of the same key written since the check meets the key's unique index: the
 * same field error, not a 500.
 */
export async function createField(
  dataSource: DataSource,
  actor: Actor,
  payload: Record<string, unknown>,
): Promise<CustomField> {
  const definition = readOrThrow(payload)
  const taken = () => new InvalidInputError({ key: 'customFieldKeyTaken' })
  return inTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(CustomField)
    if (await repository.existsBy({ key: definition.key })) throw taken()
    return repository
      .save(repository.create({ ...stored(definition), createdBy: actor.email }))
      .catch((error: unknown) => {
        throw isDuplicateKey(error) ? taken() : error
      })
  }).finally(() => forgetFields(dataSource))
}

/**
 * Changes a field's labels, rules, choices or order. Its key and type stay (the values and the
 * history read them); a choice still held by clients stays among the choices (renaming its
 * labels keeps their values); unique is refused while two clients share a value.
 */
export async function updateField(
  dataSource: DataSource,
  id: number,
  payload: Record<string, unknown>,
): Promise<CustomField> {
  return inTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(CustomField)
    const field = await repository.findOne({ where: { id } })
    if (!field || field.removedAt) throw new ClientActionRefused('notFound')
    const definition = readOrThrow({ key: field.key, type: field.type, ...payload })
    if (definition.key !== field.key) throw new InvalidInputError({ key: 'customFieldKeyLocked' })
    if (definition.type !== field.type) throw new InvalidInputError({ type: 'customFieldTypeLocked' })
    await refuseLostChoices(
      manager,
      field,
      definition.choiceList.map((c) => c.value),
    )
    if (definition.isUnique && !field.isUnique) await refuseSharedValues(manager, field.id)
    // The database holds "unique" too: its compared values filled when it starts, cleared when it ends.
    if (definition.isUnique !== Boolean(field.isUnique))
      await fillUniqueValues(manager, field.id, definition.isUnique)
    Object.assign(field, stored(definition))
    return repository.save(field)
  }).finally(() => forgetFields(dataSource))
}

const stored = ({ choiceList: _list, ...columns }: ReturnType<typeof readOrThrow>) => columns

async function refuseLostChoices(manager: EntityManager, field: CustomField, kept: string[]) {
  const dropped = definitionOf(field)
    .choices.map((c) => c.value)
    .filter((v) => !kept.includes(v))
  if (dropped.length === 0) return
  const used = await manager
    .getRepository(ClientCustomValue)
    .createQueryBuilder('v')
    .where('v.fieldId = :id AND v.textKey IN (:...dropped)', { id: field.id, dropped })
    .getExists()
  if (used) throw new InvalidInputError({ choices: 'customFieldChoiceInUse' })
}

async function refuseSharedValues(manager: EntityManager, fieldId: number) {
  const shared = await manager
    .getRepository(ClientCustomValue)
    .createQueryBuilder('v')
    .select('1')
    .where('v.fieldId = :fieldId', { fieldId })
    .groupBy('v.textKey, v.numberValue, v.dateValue')
    .having('COUNT(*) > 1')
    .limit(1)
    .getRawOne()
  if (shared) throw new InvalidInputError({ isUnique: 'customFieldValuesShared' })
}

/**
 * Removes a field from the forms, the page, the list and the exports. Its row and its values
 * stay: the history and the GDPR archive still read them, and anonymisation still erases them.
 */
export async function removeField(dataSource: DataSource, id: number): Promise<void> {
  await dataSource.getRepository(CustomField).update({ id, removedAt: IsNull() }, { removedAt: new Date() })
  forgetFields(dataSource)
}
