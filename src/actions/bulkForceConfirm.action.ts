import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkForceConfirmAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkForceConfirm',
    icon: 'CheckCircle',
    run: (lifecycle, actor, ids) => lifecycle.forceConfirm(actor, ids),
  })
