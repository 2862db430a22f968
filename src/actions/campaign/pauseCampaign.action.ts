import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Pauses the campaign: its queued emails wait (POST only; the service checks its status). */
export const pauseCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'pauseCampaign',
    actionType: 'record',
    method: 'post',
    run: (c, { actor, id }) => c.change(actor, id, 'pause'),
    success: 'campaignPausedNotice',
  })
