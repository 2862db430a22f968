// Reactivate a suspended or banned client: its suspended contracts too, why, whether to tell it.
import { reactivate } from '../../services/lifecycle/statusTransitions.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const reactivateAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'reactivate',
    group: 'status',
    icon: 'PlayCircle',
    appliesTo: { status: ['suspended', 'banned'] },
    input: reactivateInput,
    handler: ({ actor, id, input }) => reactivate(lifecycle, actor, [id], input),
    success: 'clientReactivated',
  })
