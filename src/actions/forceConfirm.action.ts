import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const forceConfirmForm: ActionForm = { fields: [], id: 'forceConfirm' }

export const forceConfirmAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'forceConfirm',
    icon: 'CheckCircle',
    form: forceConfirmForm,
    appliesTo: (p) => p.status === 'pending',
    success: 'accountConfirmed',
    run: (lifecycle, actor, id) => lifecycle.forceConfirm(actor, [id]),
  })
