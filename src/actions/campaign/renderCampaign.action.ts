import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignRecipientInput } from '../../shared/actionInputs/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** The email one client would receive (`?clientId=`), merge fields filled (read-only). */
export const renderCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'renderCampaign',
    actionType: 'record',
    method: 'get',
    input: campaignRecipientInput,
    run: async (c, { id, input }) => {
      const email = await c.render(id, input.clientId)
      return { subject: email.subject, text: email.logText, language: email.language }
    },
  })
