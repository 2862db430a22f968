import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const restoreAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'restore',
    group: 'status',
    icon: 'RotateCcw',
    appliesTo: (p) => p.status === 'deleted',
    success: 'clientRestored',
    onPost: (lifecycle, actor, id) => lifecycle.restore(actor, id),
  })
