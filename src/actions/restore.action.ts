import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const restoreForm: ActionForm = { fields: [], id: 'restore', show: ['statusReason'] }

export const restoreAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'restore',
    icon: 'RotateCcw',
    form: restoreForm,
    appliesTo: (p) => p.status === 'deleted',
    success: 'clientRestored',
    run: (lifecycle, actor, id) => lifecycle.restore(actor, id),
  })
