import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Who would be mailed now, who skipped and why (read-only: whoever may see the campaign). */
export const previewCampaignAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'previewCampaign',
    actionType: 'record',
    method: 'get',
    run: (c, { actor, id }) => c.preview(id, actor),
  })
