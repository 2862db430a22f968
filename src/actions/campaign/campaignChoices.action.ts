import type { DataSource } from 'typeorm'
import type { Campaigns } from '../../services/campaigns/campaigns.js'
import { campaignChoices } from '../../services/campaigns/campaignChoices.js'
import type { TemplateStore } from '../../services/mail/templateStore.js'
import { campaignAction } from './campaignAction.js'

/** What the editor offers: the admin's saved views, the message templates, the merge fields, the default throttle. */
export const campaignChoicesAction = (
  campaigns: Campaigns,
  deps: { dataSource: DataSource; templates: TemplateStore },
) =>
  campaignAction(campaigns, {
    name: 'campaignChoices',
    actionType: 'resource',
    method: 'get',
    run: (c, { actor }) =>
      campaignChoices(deps.dataSource, deps.templates, actor, {
        throttlePerMinute: c.options.throttlePerMinute,
        configured: c.releaseContextOrNull() !== null,
      }),
  })
