import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkSendEmailAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSendEmail',
    icon: 'Mail',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.sendEmail(actor, ids, payload),
  })
