import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const suspendAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'suspend',
    group: 'status',
    icon: 'PauseCircle',
    variant: 'danger',
    appliesTo: (p) => p.status === 'active',
    success: 'clientSuspended',
    onPost: (lifecycle, actor, id, payload) => lifecycle.suspend(actor, [id], payload),
  })
