// A soft-deleted client back to the status (and reason) it had before: a confirmation.
import { restore } from '../../services/lifecycle/softDeletion.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const restoreAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'restore',
    group: 'status',
    icon: 'RotateCcw',
    appliesTo: { status: ['deleted'] },
    handler: ({ actor, id }) => restore(lifecycle, actor, id),
    success: 'clientRestored',
  })
