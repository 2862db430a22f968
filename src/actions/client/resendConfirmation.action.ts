// A new confirmation link for a pending client (older links stop working): a confirmation.
import { resendConfirmation } from '../../services/lifecycle/clientEmails.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const resendConfirmationAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'resendConfirmation',
    group: 'account',
    icon: 'Send',
    appliesTo: { status: ['pending'], has: ['email'] },
    handler: ({ actor, id }) => resendConfirmation(lifecycle, actor, id),
    success: 'confirmationSent',
  })
