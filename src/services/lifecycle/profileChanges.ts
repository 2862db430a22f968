import { Advisor } from '../../entities/Advisor.js'
import { Client } from '../../entities/Client.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { clientLinksTouched, refreshClientAdvisors } from '../core/clientAdvisors.js'
import { InvalidInputError } from '../core/errors.js'
import { lifecycleResult, lockClient, type LifecycleResult } from './statusTransitions.js'
import { saveCustomValues } from '../customFields/customInput.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

/** Form values as column values (numbers for int columns, '' as null), the advisor checked. */
async function profilePatch(
  deps: LifecycleDeps,
  values: Record<string, unknown>,
  editable: readonly string[],
): Promise<Record<string, unknown>> {
  const metadata = deps.dataSource.getMetadata(Client)
  const patch: Record<string, unknown> = {}
  for (const field of editable) {
    if (!(field in values)) continue
    const column = metadata.findColumnWithPropertyName(field)
    if (!column) continue
    const raw = values[field]
    const numeric = column.type === 'int' || column.type === Number
    patch[field] =
      raw === null || raw === undefined || raw === '' ? null : numeric ? Number(raw) : String(raw)
  }
  if (typeof patch.advisorId === 'number') {
    const exists =
      Number.isInteger(patch.advisorId) &&
      (await deps.dataSource.getRepository(Advisor).existsBy({ id: patch.advisorId }))
    if (!exists) throw new InvalidInputError({ advisorId: 'unknownRecord' })
  }
  return patch
}

/** Who writes a profile: may they set the custom fields marked "admins only" (a host's call: yes). */
export interface ProfileWriter {
  adminOnlyFields?: boolean
}

/**
 * Saves an admin's edit of profile fields and records `profile_updated` with what changed
 * (old → new). `values` are the form's, already validated; no change, no event. Its
 * custom fields (`cf__key`) are read with their definitions' schema: field errors, nothing written.
 */
export async function updateProfile(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  values: Record<string, unknown>,
  editable: readonly string[],
  writer: ProfileWriter = {},
): Promise<LifecycleResult> {
  const patch = await profilePatch(deps, values, editable)
  const outcome = await inTransaction(deps.dataSource, async (manager) => {
    const client = await lockClient(deps.dataSource, manager, id)
    const before = { ...client } as Record<string, unknown>
    Object.assign(client, patch)
    const saved = (await manager.save(client)) as unknown as Record<string, unknown>
    // A new referent, last name or status: the advisor filter's rows of the client.
    await refreshClientAdvisors(manager, clientLinksTouched(before as unknown as Client, client))
    const changes = Object.keys(patch)
      .filter((field) => String(before[field] ?? '') !== String(saved[field] ?? ''))
      .map((field) => change(field, before[field], saved[field]))
    // The custom fields' changes are their own event (custom_field_changed), in this transaction.
    const custom = await saveCustomValues(
      manager,
      actor,
      client.id,
      values,
      false,
      writer.adminOnlyFields ?? true,
    )
    if (changes.length > 0)
      await insertEvents(manager, [eventRow(actor, client.id, 'profile_updated', null, changes)])
    return changes.length + custom.length === 0
      ? { changed: [], skipped: [] }
      : { changed: [client], skipped: [] }
  })
  return lifecycleResult(outcome)
}

/**
 * Creates a client from the panel's form (`pending` until its email is confirmed) and records
 * `created` with the fields given, in one transaction. Returns its id.
 */
export async function createClient(
  deps: LifecycleDeps,
  actor: Actor,
  values: Record<string, unknown>,
  editable: readonly string[],
  writer: ProfileWriter = {},
): Promise<number> {
  const patch = await profilePatch(deps, values, editable)
  // No language chosen in the form: the panel's, so the client's emails go out in it.
  if (!patch.locale) patch.locale = deps.settings.language
  return inTransaction(deps.dataSource, async (manager) => {
    const client = await manager.save(manager.create(Client, patch as Partial<Client>))
    await refreshClientAdvisors(manager, clientLinksTouched(null, client))
    const changes = Object.entries(patch)
      .filter(([, value]) => value !== null)
      .map(([field, value]) =>
        change(field, null, (client as unknown as Record<string, unknown>)[field] ?? value),
      )
    await insertEvents(manager, [
      eventRow(actor, client.id, 'created', null, [
        change('clientNumber', null, client.clientNumber),
        ...changes,
      ]),
    ])
    // Each custom field sent, or its default: one custom_field_changed event.
    await saveCustomValues(manager, actor, client.id, values, true, writer.adminOnlyFields ?? true)
    return client.id
  })
}
