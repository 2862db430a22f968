// A password reset link sent to the client: a confirmation.
import { sendPasswordReset } from '../../services/lifecycle/clientEmails.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const sendPasswordResetAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'sendPasswordReset',
    group: 'account',
    icon: 'Key',
    appliesTo: { notStatus: ['deleted', 'banned'], has: ['email'] },
    handler: ({ actor, id }) => sendPasswordReset(lifecycle, actor, id),
    success: 'passwordResetSent',
  })
