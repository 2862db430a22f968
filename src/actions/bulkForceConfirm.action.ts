import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { forceConfirmForm } from './forceConfirm.action.js'

export const bulkForceConfirmAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkForceConfirm',
    icon: 'CheckCircle',
    form: forceConfirmForm,
    run: (lifecycle, actor, ids) => lifecycle.forceConfirm(actor, ids),
  })
