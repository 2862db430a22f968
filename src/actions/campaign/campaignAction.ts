import type { ActionContext, ActionRequest, NoticeMessage } from 'adminjs'
import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { parseInput, type Actor } from '../../services/core/requestValues.js'
import { payloadLimits, type ActionInput } from '../../shared/actionInputs/fields.js'
import {
  actorOf,
  freshRecords,
  inputReader,
  recordId,
  refusalResponse,
  type ClientAction,
  type Value,
} from '../core/clientActionSpecs.js'

/** The campaign actions a record's page may offer, each answered only to a role that may run it. */
export const CAMPAIGN_RECORD_ACTIONS = [
  'editCampaign',
  'testCampaign',
  'startCampaign',
  'pauseCampaign',
  'resumeCampaign',
  'cancelCampaign',
] as const

export interface CampaignActionSpec<S extends ActionInput | undefined, T> {
  name: string
  actionType: 'resource' | 'record'
  /** `get`: a read, whatever the method; `post`: a change (or a send), run on POST only. */
  method: 'get' | 'post'
  /** What the request carries (src/shared/actionInputs/campaigns.ts): the body of a POST, the query of a GET. */
  input?: S
  /** The one service call; its result is answered under `campaign`. */
  run: (campaigns: Campaigns, call: { actor: Actor; id: number; input: Value<S> }) => Promise<T>
  /** Message key of the success notice of a POST, and its options from the result. */
  success?: string
  noticeOptions?: (result: T) => Record<string, unknown>
  /** The page a POST leads to (AdminJS follows `redirectUrl`). */
  redirect?: (context: ActionContext, result: T) => string
}

/** The campaign actions of this record the admin may run (the page shows only their buttons). */
const allowedOn = (context: ActionContext) =>
  CAMPAIGN_RECORD_ACTIONS.filter((name) => {
    const action = context.resource.decorate().actions[name]
    return action?.isAccessible(context.currentAdmin, context.record) ?? false
  })

function readQuery<S extends ActionInput | undefined>(input: S | undefined, request: ActionRequest) {
  const query = (request.query ?? {}) as Record<string, unknown>
  const plain = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string'))
  const limits = payloadLimits(input)
  for (const [key, value] of Object.entries(plain))
    if (String(value).length > (limits[key] ?? 0)) delete plain[key]
  return (input ? parseInput(input, plain) : {}) as Value<S>
}

/**
 * An action of the campaign pages (called by their components, never a generic form): reads
 * the request with its schema, calls one method of `Campaigns`, answers with its result (and,
 * on a record, the record as it now is and the actions the admin may run on it); bad input comes
 * back as field errors and a refusal as an error notice, never a 500, nothing written.
 */
export function campaignAction<S extends ActionInput | undefined, T>(
  campaigns: Campaigns,
  spec: CampaignActionSpec<S, T>,
): ClientAction {
  const readBody = inputReader(spec.input)
  return {
    name: spec.name,
    actionType: spec.actionType,
    component: false,
    isVisible: false,
    showInDrawer: false,
    handler: async (request, _response, context) => {
      const record = () => context.record?.toJSON(context.currentAdmin)
      const own = spec.actionType === 'record' ? { record: record(), allowed: allowedOn(context) } : {}
      if (spec.method === 'post' && request.method !== 'post') return own
      try {
        const id = spec.actionType === 'record' ? recordId(context) : 0
        const input = spec.method === 'post' ? readBody(request) : readQuery(spec.input, request)
        const result = await spec.run(campaigns, { actor: actorOf(request, context), id, input })
        const notice: NoticeMessage | undefined = spec.success
          ? {
              message: spec.success,
              type: 'success',
              resourceId: context.resource.decorate().id(),
              ...(spec.noticeOptions ? { options: spec.noticeOptions(result) } : {}),
            }
          : undefined
        const fresh =
          spec.actionType === 'record' && spec.method === 'post'
            ? { record: (await freshRecords(context, [id]))[0] ?? record(), allowed: allowedOn(context) }
            : own
        return {
          ...fresh,
          campaign: result,
          ...(notice ? { notice } : {}),
          ...(spec.redirect ? { redirectUrl: spec.redirect(context, result) } : {}),
        }
      } catch (error) {
        return { ...own, ...refusalResponse(error, context), ...(own.record ? { record: own.record } : {}) }
      }
    },
  }
}
