import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const sendPasswordResetAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'sendPasswordReset',
    group: 'account',
    icon: 'Key',
    appliesTo: (p) => p.status !== 'deleted' && p.status !== 'banned' && Boolean(p.email),
    success: 'passwordResetSent',
    onPost: (lifecycle, actor, id) => lifecycle.sendPasswordReset(actor, id),
  })
