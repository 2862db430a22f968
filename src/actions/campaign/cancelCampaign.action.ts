import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Cancels the campaign: what is not sent is cancelled (POST only; the service checks its status). */
export const cancelCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'cancelCampaign',
    actionType: 'record',
    method: 'post',
    run: (c, { actor, id }) => c.change(actor, id, 'cancel'),
    success: 'campaignCancelledNotice',
  })
