import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkBanAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkBan',
    icon: 'Slash',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.ban(actor, ids, payload),
  })
