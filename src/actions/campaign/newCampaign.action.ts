import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignInput } from '../../shared/actionInputs/campaigns.js'
import type { ClientAction } from '../core/clientActionSpecs.js'
import { campaignAction } from './campaignAction.js'

/** A new draft from the editor (admins): saved, then its editor again with the preview and the count. */
export const newCampaignAction = (campaigns: Campaigns, component: string): ClientAction => ({
  ...campaignAction(campaigns, {
    name: 'newCampaign',
    actionType: 'resource',
    method: 'post',
    input: campaignInput,
    run: (c, { actor, input }) => c.create(actor, input),
    success: 'campaignSaved',
    redirect: (context, campaign) =>
      context.h.recordActionUrl({
        resourceId: context.resource.decorate().id(),
        recordId: String(campaign.id),
        actionName: 'editCampaign',
      }),
  }),
  icon: 'Plus',
  variant: 'primary',
  isVisible: true,
  component,
})
