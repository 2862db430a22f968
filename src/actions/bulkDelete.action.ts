import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkDeleteAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkDelete',
    icon: 'Trash2',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.softDelete(actor, ids, payload),
  })
