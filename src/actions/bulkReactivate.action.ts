import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { reactivateForm } from './reactivate.action.js'

export const bulkReactivateAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkReactivate',
    icon: 'PlayCircle',
    form: reactivateForm,
    run: (lifecycle, actor, ids, payload) => lifecycle.reactivate(actor, ids, payload),
  })
