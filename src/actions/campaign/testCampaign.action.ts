import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignRecipientInput } from '../../shared/actionInputs/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** "Send me a test": the email as one client would receive it, to the admin's own address. */
export const testCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'testCampaign',
    actionType: 'record',
    method: 'post',
    input: campaignRecipientInput,
    run: (c, { actor, id, input }) => c.sendTest(actor, id, input.clientId),
    success: 'campaignTestSent',
    noticeOptions: (sent) => ({ to: sent.to }),
  })
