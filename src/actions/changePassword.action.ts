import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const changePasswordForm: ActionForm = {
  id: 'changePassword',
  fields: [
    { name: 'password', type: 'password', required: true },
    { name: 'passwordConfirmation', type: 'password', required: true },
  ],
}

export const changePasswordAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'changePassword',
    icon: 'Lock',
    form: changePasswordForm,
    appliesTo: (p) => p.status !== 'deleted',
    success: 'passwordChanged',
    run: (lifecycle, actor, id, payload) => lifecycle.changePassword(actor, id, payload),
  })
