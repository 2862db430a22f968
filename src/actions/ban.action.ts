import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_REASON_LENGTH } from '../services/clientLifecycle.js'

export const banForm: ActionForm = {
  id: 'ban',
  fields: [
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
    { name: 'contracts', type: 'checkbox' },
  ],
}

export const banAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'ban',
    icon: 'Slash',
    variant: 'danger',
    form: banForm,
    appliesTo: (p) => p.status !== 'banned' && p.status !== 'deleted',
    success: 'clientBanned',
    run: (lifecycle, actor, id, payload) => lifecycle.ban(actor, [id], payload),
  })
