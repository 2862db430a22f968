import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { deleteForm } from './delete.action.js'

export const bulkDeleteAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkDelete',
    icon: 'Trash2',
    variant: 'danger',
    form: deleteForm,
    run: (lifecycle, actor, ids, payload) => lifecycle.softDelete(actor, ids, payload),
  })
