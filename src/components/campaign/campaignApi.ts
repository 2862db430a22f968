import { ApiClient } from 'adminjs'
import type { CampaignProgress } from '../../services/campaigns/campaigns.js'
import type { CampaignChoices } from '../../services/campaigns/campaignChoices.js'
import type { SegmentPreview } from '../../services/campaigns/campaignSegment.js'
import type { DraftPreview } from '../../services/campaigns/campaignDraft.js'

export type { CampaignChoices, CampaignProgress, DraftPreview, SegmentPreview }

const api = new ApiClient()

type Response = Awaited<ReturnType<ApiClient['resourceAction']>>

/** What a POST of the campaign pages answers: the field errors (message keys), the notice, where to go. */
export interface CampaignAnswer {
  errors: Record<string, string>
  notice?: { message: string; type: string }
  redirectUrl?: string
  /** The campaign actions the admin may run on this record now. */
  allowed?: string[]
  record?: { params: Record<string, unknown> }
  response: Response
}

export interface RenderedCampaign {
  subject: string
  text: string
  language: string
}

const formOf = (values: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

function answerOf(response: Response): CampaignAnswer {
  const data = response.data as Record<string, unknown> & {
    record?: { errors?: Record<string, { message: string }>; params: Record<string, unknown> }
  }
  const errors = data.record?.errors ?? {}
  return {
    errors: Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.message])),
    notice: data.notice as CampaignAnswer['notice'],
    redirectUrl: data.redirectUrl as string | undefined,
    allowed: data.allowed as string[] | undefined,
    record: data.record,
    response,
  }
}

/** The calls of the campaign editor and progress page to the Campaign resource's actions. */
export function campaignApi(resourceId: string) {
  const read = async <T>(recordId: string, actionName: string, params?: Record<string, string>) => {
    const response = await api.recordAction({ resourceId, recordId, actionName, params })
    const data = response.data as { campaign?: T; allowed?: string[]; notice?: { message: string } }
    if (data.campaign === undefined) throw Object.assign(new Error(actionName), { notice: data.notice })
    return { campaign: data.campaign, allowed: data.allowed ?? [] }
  }
  return {
    choices: async () => {
      const response = await api.resourceAction({ resourceId, actionName: 'campaignChoices' })
      return (response.data as { campaign?: CampaignChoices }).campaign ?? null
    },
    save: async (recordId: string | null, values: Record<string, string>) =>
      answerOf(
        recordId
          ? await api.recordAction({
              resourceId,
              recordId,
              actionName: 'editCampaign',
              method: 'post',
              data: formOf(values),
            })
          : await api.resourceAction({
              resourceId,
              actionName: 'newCampaign',
              method: 'post',
              data: formOf(values),
            }),
      ),
    preview: (recordId: string) => read<SegmentPreview>(recordId, 'previewCampaign'),
    /** The unsaved draft's preview (POST: nothing written); its field errors in `errors`. */
    previewDraft: async (values: Record<string, string>, signal: AbortSignal) => {
      const response = await api.resourceAction({
        resourceId,
        actionName: 'previewCampaignDraft',
        method: 'post',
        data: formOf(values),
        signal,
      })
      return { ...answerOf(response), preview: (response.data as { campaign?: DraftPreview }).campaign }
    },
    render: (recordId: string, clientId: string) =>
      read<RenderedCampaign>(recordId, 'renderCampaign', { clientId }),
    progress: (recordId: string) => read<CampaignProgress>(recordId, 'campaignProgress'),
    /** A change of the record (test, start, pause, resume, cancel): POST only. */
    post: async (recordId: string, actionName: string, values: Record<string, string> = {}) =>
      answerOf(
        await api.recordAction({ resourceId, recordId, actionName, method: 'post', data: formOf(values) }),
      ),
  }
}
