import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const deleteAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'delete',
    group: 'status',
    icon: 'Trash2',
    variant: 'danger',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'clientDeleted',
    onPost: (lifecycle, actor, id, payload) => lifecycle.softDelete(actor, [id], payload),
  })
