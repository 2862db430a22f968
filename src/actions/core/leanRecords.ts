import type { ActionContext, ActionDecorator, BaseRecord, CurrentAdmin, RecordJSON } from 'adminjs'

/**
 * A list row as our list components read it (components/common/leanRecords.ts): the record's
 * fields and the NAMES of the actions that apply to it; the panel already holds each action's
 * description once, in the resource it loaded. AdminJS's own `toJSON` puts ~25 whole action
 * objects in every row (131 KB for a page of 20 clients, 8× the data).
 */
export interface LeanRecordJSON extends RecordJSON {
  /** The record actions this admin may run on this record (`recordActions` stays empty). */
  actionNames: string[]
  /** The bulk actions this record may take part in (`bulkActions` stays empty). */
  bulkActionNames: string[]
}

const applicable = (actions: ActionDecorator[], admin: CurrentAdmin | undefined, record: BaseRecord) =>
  actions.filter((a) => a.isVisible(admin, record) && a.isAccessible(admin, record)).map((a) => a.name)

/** A referenced record (the advisor of a client): its id, its title and whether it has a page to link to. */
function leanReference(reference: BaseRecord, admin: CurrentAdmin | undefined): LeanRecordJSON {
  const decorator = reference.resource.decorate()
  const show = decorator.actions.show
  return {
    params: {},
    populated: {},
    baseError: null,
    errors: {},
    id: reference.id(),
    title: decorator.titleOf(reference),
    recordActions: [],
    bulkActions: [],
    actionNames: show && applicable([show], admin, reference).length ? ['show'] : [],
    bulkActionNames: [],
  }
}

/** The page's records, lean: each action's visibility and right checked as AdminJS does, its description not repeated. */
export function leanRecords(records: BaseRecord[], context: ActionContext): LeanRecordJSON[] {
  const decorator = context.resource.decorate()
  const admin = context.currentAdmin
  const actions = Object.values(decorator.actions)
  const recordActions = actions.filter((a) => a.isRecordType())
  const bulkActions = actions.filter((a) => a.isBulkType())
  return records.map((record) => {
    const populated: Record<string, LeanRecordJSON | null> = {}
    for (const [key, reference] of Object.entries(record.populated ?? {})) {
      populated[key] = reference ? leanReference(reference, admin) : null
    }
    return {
      params: record.params,
      populated,
      baseError: null,
      errors: {},
      id: record.id(),
      title: decorator.titleOf(record),
      recordActions: [],
      bulkActions: [],
      actionNames: applicable(recordActions, admin, record),
      bulkActionNames: applicable(bulkActions, admin, record),
    }
  })
}
