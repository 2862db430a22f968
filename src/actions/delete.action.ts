import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_REASON_LENGTH } from '../services/clientLifecycle.js'

// Replaces AdminJS's hard delete: the client is kept, hidden from the list, and can be restored.
export const deleteForm: ActionForm = {
  id: 'delete',
  fields: [{ name: 'reason', type: 'textarea', maxLength: MAX_REASON_LENGTH }],
}

export const deleteAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'delete',
    icon: 'Trash2',
    variant: 'danger',
    form: deleteForm,
    appliesTo: (p) => p.status !== 'deleted',
    success: 'clientDeleted',
    run: (lifecycle, actor, id, payload) => lifecycle.softDelete(actor, [id], payload),
  })
