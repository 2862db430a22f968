import type { Action, RecordActionResponse } from 'adminjs'
import type { ComponentIds } from '../../components/index.js'
import type { ClientAccounts } from '../../services/accounts/clientAccounts.js'
import { impersonateInput } from '../../shared/actionInputs/gdpr.js'
import { actorOf, inputReader, recordId, refusalResponse, visibleWhen } from '../core/clientActionSpecs.js'
import { GROUP_MENUS } from '../core/actionMenus.js'

const readInput = inputReader(impersonateInput)

export interface ImpersonateActionDeps {
  accounts: ClientAccounts
  components: ComponentIds
}

/** What the action answers besides the record: the link the panel opens in a new tab. */
export interface ImpersonateResponse extends RecordActionResponse {
  impersonationUrl?: string
}

/**
 * "Log in as this client", admins only by default (its own right, `Client.impersonate`): the
 * form asks for a reason; a POST makes a single-use link (60 s) to the host's client area,
 * which the form opens in a new tab. Hidden for banned, deleted and anonymised clients, and
 * when the host gave no `links.impersonate` (the service refuses them all again). Its input
 * (`impersonateInput`, shared/actionInputs/gdpr.ts) is the form's field and what a POST is read with.
 */
export const impersonateAction = (deps: ImpersonateActionDeps): Partial<Action<ImpersonateResponse>> => ({
  name: 'impersonate',
  actionType: 'record',
  parent: GROUP_MENUS.account,
  icon: 'LogIn',
  component: deps.components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  // Offered or not is known at start; then it applies to a client who may log in.
  isVisible: deps.accounts.impersonationOffered
    ? visibleWhen({ notStatus: ['banned', 'deleted'], hasNot: ['anonymisedAt'] })
    : () => false,
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    try {
      const input = readInput(request)
      const { url } = await deps.accounts.beginImpersonation(
        actorOf(request, context),
        recordId(context),
        input,
      )
      return {
        record: current,
        impersonationUrl: url,
        notice: {
          message: 'impersonationStarted',
          type: 'success',
          resourceId: context.resource.decorate().id(),
        },
      }
    } catch (error) {
      return refusalResponse(error, context) as ImpersonateResponse
    }
  },
})
