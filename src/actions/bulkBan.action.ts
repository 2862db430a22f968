import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { banForm } from './ban.action.js'

export const bulkBanAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkBan',
    icon: 'Slash',
    variant: 'danger',
    form: banForm,
    run: (lifecycle, actor, ids, payload) => lifecycle.ban(actor, ids, payload),
  })
