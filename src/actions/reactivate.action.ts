import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const reactivateAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'reactivate',
    group: 'status',
    icon: 'PlayCircle',
    appliesTo: (p) => p.status === 'suspended' || p.status === 'banned',
    success: 'clientReactivated',
    onPost: (lifecycle, actor, id, payload) => lifecycle.reactivate(actor, [id], payload),
  })
