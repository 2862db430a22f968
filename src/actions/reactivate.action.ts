import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_REASON_LENGTH } from '../services/clientLifecycle.js'

export const reactivateForm: ActionForm = {
  id: 'reactivate',
  // The reason of the suspension (or ban) being lifted, read before deciding.
  show: ['statusReason'],
  fields: [
    { name: 'contracts', type: 'checkbox' },
    { name: 'reason', type: 'textarea', maxLength: MAX_REASON_LENGTH },
  ],
}

export const reactivateAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'reactivate',
    icon: 'PlayCircle',
    form: reactivateForm,
    appliesTo: (p) => p.status === 'suspended' || p.status === 'banned',
    success: 'clientReactivated',
    run: (lifecycle, actor, id, payload) => lifecycle.reactivate(actor, [id], payload),
  })
