import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignAction } from './campaignAction.js'

/** Queued, sent, failed, skipped, cancelled, read from the database (the progress page polls it while sending). */
export const campaignProgressAction = (campaigns: Campaigns) =>
  campaignAction(campaigns, {
    name: 'campaignProgress',
    actionType: 'record',
    method: 'get',
    run: (c, { id }) => c.progress(id),
  })
