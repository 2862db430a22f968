import { MAX_NOTE_LENGTH } from '../services/limits.js'
import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const addNoteAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'addNote',
    fields: { body: MAX_NOTE_LENGTH },
    group: 'contact',
    icon: 'MessageSquare',
    appliesTo: () => true,
    success: 'noteAdded',
    onPost: (lifecycle, actor, id, payload) => lifecycle.addNote(actor, id, payload),
  })
