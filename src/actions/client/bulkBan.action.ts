// Ban the selected clients (the form of `ban`).
import { ban } from '../../services/lifecycle/statusTransitions.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkBanAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkBan',
    icon: 'Slash',
    variant: 'danger',
    input: statusChangeInput,
    handler: ({ actor, ids, input }) => ban(lifecycle, actor, ids, input),
    notice: clientsNotice,
  })
