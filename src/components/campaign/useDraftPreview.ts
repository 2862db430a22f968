import { useEffect, useState } from 'react'
import type { campaignApi, DraftPreview } from './campaignApi.js'

/** Wait this long after the last keystroke before asking the server (one request per pause). */
export const DRAFT_PREVIEW_DELAY_MS = 400

export interface DraftPreviewState {
  /** The last preview answered (kept while the next one is asked, so the page does not jump). */
  preview: DraftPreview | null
  /** A request is waiting (the pause, or the server). */
  loading: boolean
  /** The draft's field errors: the segment's (no preview then) and the message's. */
  errors: Record<string, string>
  /** An answer with no preview and no field error (a refusal notice, the network). */
  failed: string | null
  retry: () => void
}

/**
 * The preview of the editor's unsaved draft: `values` POSTed to `previewCampaignDraft` once the
 * typing pauses ({@link DRAFT_PREVIEW_DELAY_MS}); a newer draft aborts the request of an older one,
 * so what shows is always the answer to what is on screen.
 */
export function useDraftPreview(
  api: ReturnType<typeof campaignApi>,
  values: Record<string, string>,
): DraftPreviewState {
  const key = JSON.stringify(values)
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<Omit<DraftPreviewState, 'retry'>>({
    preview: null,
    loading: true,
    errors: {},
    failed: null,
  })
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true }))
    const timer = setTimeout(() => {
      api
        .previewDraft(JSON.parse(key) as Record<string, string>, controller.signal)
        .then((answer) => {
          if (controller.signal.aborted) return
          const errors = { ...answer.errors, ...(answer.preview?.errors ?? {}) }
          setState((s) => ({
            preview: answer.preview ?? (Object.keys(answer.errors).length > 0 ? null : s.preview),
            loading: false,
            errors,
            failed:
              answer.preview || Object.keys(errors).length > 0 ? null : (answer.notice?.message ?? 'failed'),
          }))
        })
        .catch(() => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, failed: 'failed' }))
        })
    }, DRAFT_PREVIEW_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, key, attempt])
  return { ...state, retry: () => setAttempt((n) => n + 1) }
}
