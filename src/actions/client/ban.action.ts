// Ban one client: why, which of its contracts are terminated, whether to tell it.
import { ban } from '../../services/lifecycle/statusTransitions.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const banAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'ban',
    group: 'status',
    icon: 'Slash',
    variant: 'danger',
    appliesTo: { notStatus: ['banned', 'deleted'] },
    input: statusChangeInput,
    handler: ({ actor, id, input }) => ban(lifecycle, actor, [id], input),
    success: 'clientBanned',
  })
