import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignInput } from '../../shared/actionInputs/campaigns.js'
import type { ClientAction } from '../core/clientActionSpecs.js'
import { campaignAction } from './campaignAction.js'

/** A draft (or a scheduled campaign, back to draft) changed from the editor; the page shows it while not started. */
export const editCampaignAction = (campaigns: Campaigns, component: string): ClientAction => ({
  ...campaignAction(campaigns, {
    name: 'editCampaign',
    actionType: 'record',
    method: 'post',
    input: campaignInput,
    run: (c, { actor, id, input }) => c.update(id, input, actor),
    success: 'campaignSaved',
  }),
  icon: 'Edit',
  isVisible: ({ record }) => ['draft', 'scheduled'].includes(String(record?.params.status)),
  component,
})
