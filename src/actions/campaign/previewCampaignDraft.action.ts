import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignDraftPreviewInput } from '../../shared/actionInputs/campaigns.js'
import { campaignAction } from './campaignAction.js'

/**
 * The editor's unsaved draft previewed while it is typed (POST only; nothing written): the count,
 * the skipped and why, the email as a chosen recipient would receive it. Whoever may write campaigns.
 */
export const previewCampaignDraftAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'previewCampaignDraft',
    actionType: 'resource',
    method: 'post',
    input: campaignDraftPreviewInput,
    run: (c, { actor, input }) => {
      const { clientId, campaignId, ...draft } = input
      return c.previewDraft(actor, draft, { clientId, campaignId })
    },
  })
