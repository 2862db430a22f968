import {
  NotFoundError,
  type ActionContext,
  type ActionDecorator,
  type ActionHandler,
  type BaseRecord,
  type CurrentAdmin,
  type RecordActionResponse,
  type RecordJSON,
} from 'adminjs'

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

/** A referenced record as a row shows it (the advisor of a client): its id, its title, and `show` when it has a page to link to. */
export interface LeanReferenceJSON {
  id: string
  title: string
  actionNames: string[]
  /** Empty: a row shows a reference by its title (the secrets' check leaves a record with both as it is). */
  params: Record<string, never>
  populated: Record<string, never>
}

function leanReference(reference: BaseRecord, admin: CurrentAdmin | undefined): LeanReferenceJSON {
  const decorator = reference.resource.decorate()
  const show = decorator.actions.show
  return {
    id: reference.id(),
    title: decorator.titleOf(reference),
    actionNames: show && applicable([show], admin, reference).length ? ['show'] : [],
    params: {},
    populated: {},
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
    const populated: Record<string, LeanReferenceJSON | null> = {}
    for (const [key, reference] of Object.entries(record.populated ?? {})) {
      populated[key] = reference ? leanReference(reference, admin) : null
    }
    return {
      params: record.params,
      // The browser gives each reference back its RecordJSON shape (components/common/leanRecords.ts).
      populated: populated as unknown as RecordJSON['populated'],
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

/** A record's page (`show`) as the panel reads it: AdminJS's RecordJSON, lighter where a page does not look. */
export interface PageRecordJSON extends RecordJSON {
  /** The bulk actions the record may take part in, by name (`bulkActions` stays empty: a page has no bulk bar). */
  bulkActionNames: string[]
}

/**
 * AdminJS's `record.toJSON(admin)` for a record's page, less what the page never reads: the
 * bulk actions (named only) and, of a referenced record, every action but `show` (its link;
 * AdminJS's reference value looks for that one). A client's page was 12.1 KB, 3.6 KB of them its
 * bulk actions; the record's own actions stay whole (the page's header and the route read them).
 */
export function pageRecord(record: BaseRecord, admin: CurrentAdmin | undefined): PageRecordJSON {
  const decorator = record.resource.decorate()
  const populated: RecordJSON['populated'] = {}
  for (const [key, reference] of Object.entries(record.populated ?? {})) {
    if (!reference?.resource) {
      populated[key] = reference as unknown as RecordJSON
      continue
    }
    const show = reference.resource.decorate().actions.show
    populated[key] = {
      params: reference.params,
      populated: {},
      baseError: reference.baseError,
      errors: reference.errors,
      id: reference.id(),
      title: reference.resource.decorate().titleOf(reference),
      recordActions: show && applicable([show], admin, reference).length ? [show.toJSON(admin)] : [],
      bulkActions: [],
    }
  }
  const actions = Object.values(decorator.actions)
  return {
    params: record.params,
    populated,
    baseError: record.baseError,
    errors: record.errors,
    id: record.id(),
    title: decorator.titleOf(record),
    recordActions: decorator.recordActions(record, admin).map((action) => action.toJSON(admin)),
    bulkActions: [],
    bulkActionNames: applicable(
      actions.filter((a) => a.isBulkType()),
      admin,
      record,
    ),
  }
}

/** The `show` action's handler: the record AdminJS read and populated, as `pageRecord` shapes it. */
export const showPage: ActionHandler<RecordActionResponse> = async (request, _response, context) => {
  if (!context.record) {
    throw new NotFoundError(`Record of given id ("${request.params.recordId}") could not be found`, 'show')
  }
  return { record: pageRecord(context.record, context.currentAdmin) }
}
