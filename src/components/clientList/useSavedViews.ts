import { useCallback, useEffect, useState } from 'react'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import type { ViewSummary } from '../../shared/savedViews.js'

const api = new ApiClient()

export interface SavedViewsState {
  views: ViewSummary[]
  defaultViewId: number | null
  loading: boolean
  failed: boolean
  reload: () => void
  /** Runs one of the views' actions (POST) with these fields, shows its notice, reads the views again. */
  change: (actionName: string, fields: Record<string, string>) => Promise<boolean>
}

/**
 * The saved views of a list and their counts (the `savedViews` action: one request, one COUNT per
 * view on the server), read again after each change. `opened`: a view asked for by a link.
 */
export function useSavedViews(resourceId: string, opened: string | null): SavedViewsState {
  const { translateMessage } = useTranslation()
  const addNotice = useNotice()
  const [state, setState] = useState({
    views: [] as ViewSummary[],
    defaultViewId: null as number | null,
    loading: true,
    failed: false,
  })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((r) => r + 1), [])

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    api
      .resourceAction({ resourceId, actionName: 'savedViews', params: opened ? { view: opened } : {} })
      .then((res) => {
        const data = res.data as { views?: ViewSummary[]; defaultViewId?: number | null }
        if (current)
          setState({
            views: data.views ?? [],
            defaultViewId: data.defaultViewId ?? null,
            loading: false,
            failed: false,
          })
      })
      .catch(() => current && setState((s) => ({ ...s, loading: false, failed: true })))
    return () => {
      current = false
    }
  }, [resourceId, opened, round])

  const change = async (actionName: string, fields: Record<string, string>) => {
    const data = new FormData()
    for (const [key, value] of Object.entries(fields)) data.append(key, value)
    try {
      const res = await api.resourceAction({ resourceId, actionName, method: 'post', data })
      const errors = (res.data.record?.errors ?? {}) as Record<string, { message?: string }>
      const fieldError = Object.values(errors)[0]?.message
      const notice = res.data.notice
      if (fieldError) addNotice({ message: translateMessage(fieldError, resourceId), type: 'error' })
      else if (notice)
        addNotice({
          message: translateMessage(notice.message, resourceId, notice.options),
          type: notice.type,
        })
      reload()
      return !fieldError && notice?.type !== 'error'
    } catch {
      addNotice({ message: translateMessage('viewNotYours', resourceId), type: 'error' })
      return false
    }
  }

  return { ...state, reload, change }
}
