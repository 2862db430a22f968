import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkSuspendAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSuspend',
    icon: 'PauseCircle',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.suspend(actor, ids, payload),
  })
