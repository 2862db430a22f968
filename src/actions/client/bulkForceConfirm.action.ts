import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkForceConfirmAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkForceConfirm',
    icon: 'CheckCircle',
    onPost: (lifecycle, actor, ids) => lifecycle.forceConfirm(actor, ids),
  })
