import { MAX_NOTE_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

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
