import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const changePasswordAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'changePassword',
    group: 'account',
    icon: 'Lock',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'passwordChanged',
    onPost: (lifecycle, actor, id, payload) => lifecycle.changePassword(actor, id, payload),
  })
