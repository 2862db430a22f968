import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_REASON_LENGTH } from '../services/clientLifecycle.js'

export const suspendForm: ActionForm = {
  id: 'suspend',
  fields: [
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
    { name: 'contracts', type: 'checkbox' },
    { name: 'notify', type: 'checkbox' },
  ],
}

export const suspendAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'suspend',
    icon: 'PauseCircle',
    variant: 'danger',
    form: suspendForm,
    appliesTo: (p) => p.status === 'active',
    success: 'clientSuspended',
    run: (lifecycle, actor, id, payload) => lifecycle.suspend(actor, [id], payload),
  })
