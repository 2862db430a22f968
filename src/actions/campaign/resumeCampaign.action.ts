import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Resumes the campaign: its emails are due again (POST only; the service checks its status). */
export const resumeCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'resumeCampaign',
    actionType: 'record',
    method: 'post',
    run: (c, { actor, id }) => c.change(actor, id, 'resume'),
    success: 'campaignResumedNotice',
  })
