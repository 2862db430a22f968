// A note on the client, kept in its Notes tab.
import { addNote } from '../../services/lifecycle/accountChanges.js'
import { addNoteInput } from '../../shared/actionInputs/addNote.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const addNoteAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'addNote',
    group: 'contact',
    icon: 'MessageSquare',
    input: addNoteInput,
    handler: ({ actor, id, input }) => addNote(lifecycle, actor, id, input),
    success: 'noteAdded',
  })
