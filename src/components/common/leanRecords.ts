import type { ActionJSON, RecordJSON, ResourceJSON } from 'adminjs'

/** A row of a lean list response (actions/core/leanRecords.ts): the names of the actions that apply. */
type LeanRecordJSON = RecordJSON & { actionNames?: string[]; bulkActionNames?: string[] }

const pick = (byName: Map<string, ActionJSON>, names: string[]) =>
  names.flatMap((name) => byName.get(name) ?? [])

/**
 * The records as AdminJS's table reads them: each action named in a row is the description the
 * panel already holds in the resource (`resource.actions`), so the row's menu, its checkbox and
 * the bulk bar are AdminJS's own. A referenced record links to its page when the server said
 * `show` applies to it (the server sends a reference as its id, title and action names only).
 * A row that already carries its actions is left as it is.
 */
export function hydrateRecords(
  records: LeanRecordJSON[],
  resource: ResourceJSON,
  resources: ResourceJSON[],
): RecordJSON[] {
  const byName = new Map(resource.actions.map((a) => [a.name, a]))
  const referenceActions = new Map<string, Map<string, ActionJSON>>()
  const actionsOf = (resourceId: string | null | undefined) => {
    if (!resourceId) return new Map<string, ActionJSON>()
    let found = referenceActions.get(resourceId)
    if (!found) {
      const actions = resources.find((r) => r.id === resourceId)?.actions ?? []
      found = new Map(actions.map((a) => [a.name, a]))
      referenceActions.set(resourceId, found)
    }
    return found
  }
  return records.map((record) => {
    if (!record.actionNames) return record
    const populated: RecordJSON['populated'] = {}
    for (const [key, reference] of Object.entries(record.populated ?? {})) {
      const lean = reference as (Partial<RecordJSON> & { actionNames?: string[] }) | null | undefined
      populated[key] = lean?.actionNames
        ? {
            ...{ params: {}, populated: {}, baseError: null, errors: {}, bulkActions: [] },
            ...(lean as RecordJSON),
            recordActions: pick(actionsOf(resource.properties[key]?.reference), lean.actionNames),
          }
        : reference
    }
    return {
      ...record,
      populated,
      recordActions: pick(byName, record.actionNames),
      bulkActions: pick(byName, record.bulkActionNames ?? []),
    }
  })
}
