import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { startCampaignInput } from '../../shared/actionInputs/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Sends now, or at the date and time given; then its progress page. */
export const startCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'startCampaign',
    actionType: 'record',
    method: 'post',
    input: startCampaignInput,
    run: (c, { actor, id, input }) => c.start(actor, id, input.at),
    success: 'campaignStartedNotice',
    redirect: (context, campaign) =>
      context.h.recordActionUrl({
        resourceId: context.resource.decorate().id(),
        recordId: String(campaign.id),
        actionName: 'show',
      }),
  })
