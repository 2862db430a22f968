import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { suspendForm } from './suspend.action.js'

export const bulkSuspendAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSuspend',
    icon: 'PauseCircle',
    variant: 'danger',
    form: suspendForm,
    run: (lifecycle, actor, ids, payload) => lifecycle.suspend(actor, ids, payload),
  })
