import { ListAction, type ActionHandler, type ListActionResponse, type ResourceWithOptions } from 'adminjs'
import { Campaign } from '../entities/Campaign.js'
import { CAMPAIGN_STATUSES } from '../entities/columns.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { campaignChoicesAction } from '../actions/campaign/campaignChoices.action.js'
import { newCampaignAction } from '../actions/campaign/newCampaign.action.js'
import { editCampaignAction } from '../actions/campaign/editCampaign.action.js'
import { previewCampaignAction } from '../actions/campaign/previewCampaign.action.js'
import { previewCampaignDraftAction } from '../actions/campaign/previewCampaignDraft.action.js'
import { renderCampaignAction } from '../actions/campaign/renderCampaign.action.js'
import { testCampaignAction } from '../actions/campaign/testCampaign.action.js'
import { startCampaignAction } from '../actions/campaign/startCampaign.action.js'
import { pauseCampaignAction } from '../actions/campaign/pauseCampaign.action.js'
import { resumeCampaignAction } from '../actions/campaign/resumeCampaign.action.js'
import { cancelCampaignAction } from '../actions/campaign/cancelCampaign.action.js'
import { campaignProgressAction } from '../actions/campaign/campaignProgress.action.js'
import type { DataSource } from 'typeorm'
import { sentCounts } from '../services/campaigns/campaignChoices.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

/** AdminJS's list, with each campaign's emails sent so far (one grouped query for the page). */
const listWithProgress =
  (dataSource: DataSource): ActionHandler<ListActionResponse> =>
  async (request, response, context) => {
    const list = ListAction.handler as ActionHandler<ListActionResponse>
    const answer = (await list(request, response, context)) as ListActionResponse
    const sent = await sentCounts(
      dataSource,
      answer.records.map((r) => Number(r.id)),
    )
    for (const record of answer.records) {
      const planned = Number(record.params.recipientCount ?? 0)
      record.params.progress = record.params.plannedAt
        ? `${sent.get(Number(record.id)) ?? 0} / ${planned}`
        : '—'
    }
    return answer
  }

/**
 * Campaigns (issue 29): admins write, preview, test and send them (the editor, the record's own
 * actions, POST only); support sees the list and the progress pages (the default roles' `list`,
 * `show` and `search`). The list shows each one's state and progress; its page is the progress.
 */
export function createCampaignResource(deps: ResourceDeps): ResourceWithOptions {
  const { campaigns } = deps
  const actions: Record<string, ClientAction> = {
    campaignChoices: campaignChoicesAction(campaigns, {
      dataSource: deps.dataSource,
      templates: deps.mailer.templates,
    }),
    newCampaign: newCampaignAction(campaigns, deps.components.CampaignEditor),
    editCampaign: editCampaignAction(campaigns, deps.components.CampaignEditor),
    previewCampaign: previewCampaignAction(campaigns),
    renderCampaign: renderCampaignAction(campaigns),
    previewCampaignDraft: previewCampaignDraftAction(campaigns),
    testCampaign: testCampaignAction(campaigns),
    startCampaign: startCampaignAction(campaigns),
    pauseCampaign: pauseCampaignAction(campaigns),
    resumeCampaign: resumeCampaignAction(campaigns),
    cancelCampaign: cancelCampaignAction(campaigns),
    campaignProgress: campaignProgressAction(campaigns),
  }
  return {
    resource: Campaign,
    options: {
      id: deps.ids.Campaign,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['name', 'status', 'progress', 'skippedCount', 'scheduledAt', 'startedAt', 'createdBy'],
      filterProperties: ['name', 'status', 'createdAt'],
      showProperties: ['name', 'status', 'recipientCount', 'skippedCount', 'scheduledAt', 'startedAt'],
      properties: {
        name: { isTitle: true },
        status: { availableValues: valuesOf(CAMPAIGN_STATUSES) },
        progress: { type: 'string', isVisible: { list: true, show: false, edit: false, filter: false } },
        segment: { isVisible: false },
        messages: { isVisible: false },
        planCursor: { isVisible: false },
      },
      actions: secureActions(deps, {
        resourceId: 'Campaign',
        entity: Campaign,
        // Written only through the editor's and the page's actions (checked, audited).
        disabled: ['new', 'edit', 'delete', 'bulkDelete'],
        handlers: { list: listWithProgress(deps.dataSource) as ActionHandler<never> },
        components: { show: deps.components.CampaignShow },
        custom: actions,
        // Reads: whoever may see the campaign; changes and sends: whoever may run them (admins).
        rights: {
          campaignChoices: 'newCampaign',
          previewCampaignDraft: 'newCampaign',
          previewCampaign: 'show',
          renderCampaign: 'show',
          campaignProgress: 'show',
        },
      }),
    },
  }
}
