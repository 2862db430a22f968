// An admin sets the client's password (typed twice; the server checks its strength).
import { changePassword } from '../../services/lifecycle/accountChanges.js'
import { changePasswordInput } from '../../shared/actionInputs/changePassword.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const changePasswordAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'changePassword',
    group: 'account',
    icon: 'Lock',
    appliesTo: { notStatus: ['deleted'] },
    input: changePasswordInput,
    handler: ({ actor, id, input }) => changePassword(lifecycle, actor, id, input),
    success: 'passwordChanged',
  })
