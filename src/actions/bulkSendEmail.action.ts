import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { sendEmailForm } from './sendEmail.action.js'

export const bulkSendEmailAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSendEmail',
    icon: 'Mail',
    form: sendEmailForm,
    run: (lifecycle, actor, ids, payload) => lifecycle.sendEmail(actor, ids, payload),
  })
