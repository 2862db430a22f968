import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_NOTE_LENGTH } from '../services/clientLifecycle.js'

export const addNoteForm: ActionForm = {
  id: 'addNote',
  fields: [{ name: 'body', type: 'textarea', required: true, maxLength: MAX_NOTE_LENGTH }],
}

export const addNoteAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'addNote',
    icon: 'MessageSquare',
    form: addNoteForm,
    appliesTo: () => true,
    success: 'noteAdded',
    run: (lifecycle, actor, id, payload) => lifecycle.addNote(actor, id, payload),
  })
