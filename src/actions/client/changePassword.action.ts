import { MAX_PASSWORD_FIELD_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const changePasswordAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'changePassword',
    fields: { password: MAX_PASSWORD_FIELD_LENGTH, passwordConfirmation: MAX_PASSWORD_FIELD_LENGTH },
    group: 'account',
    icon: 'Lock',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'passwordChanged',
    onPost: (lifecycle, actor, id, payload) => lifecycle.changePassword(actor, id, payload),
  })
