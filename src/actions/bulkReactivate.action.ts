import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkReactivateAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkReactivate',
    icon: 'PlayCircle',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.reactivate(actor, ids, payload),
  })
