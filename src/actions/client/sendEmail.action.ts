// An email written by the admin to the client, maybe from a message template (with a preview).
import { sendEmail } from '../../services/lifecycle/clientEmails.js'
import { sendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const sendEmailAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'sendEmail',
    group: 'contact',
    icon: 'Mail',
    appliesTo: { notStatus: ['deleted'], has: ['email'] },
    input: sendEmailInput,
    handler: ({ actor, id, input }) => sendEmail(lifecycle, actor, [id], input),
    success: 'emailSent',
  })
