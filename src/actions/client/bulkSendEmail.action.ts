// An email written by the admin to the selected clients (the form of `sendEmail`).
import { sendEmail } from '../../services/lifecycle/clientEmails.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkSendEmailAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkSendEmail',
    icon: 'Mail',
    input: sendEmailInput,
    handler: ({ actor, ids, input }) => sendEmail(lifecycle, actor, ids, input),
    notice: clientsNotice,
  })
