import { useEffect, useState } from 'react'
import { ApiClient } from 'adminjs'
import { DEFAULT_PER_PAGE } from '../../shared/clientPageTabs.js'
import type { TabPage } from '../../services/list/clientTabs.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

type Loaded = { key: string; page: TabPage | null; error: boolean }

/** What a tab shows: a spinner, an error with a retry, an empty message, or its page of rows. */
export type TabPageState =
  | { status: 'loading' }
  | { status: 'error'; retry: () => void }
  | { status: 'empty'; page: TabPage }
  | { status: 'ready'; page: TabPage }

/**
 * One page of a tab through the plugin's `tab` action. A new `version` (a note was added) or a
 * retry fetches it again.
 */
export function useTabPage(recordId: string, tab: string, page: number, version: number): TabPageState {
  const [retries, setRetries] = useState(0)
  const key = `${recordId}|${tab}|${page}|${version}|${retries}`
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  useEffect(() => {
    let live = true
    api
      .recordAction({
        resourceId: resourceId('Client'),
        recordId,
        actionName: 'tab',
        params: { tab, page, perPage: DEFAULT_PER_PAGE },
      })
      .then((res) => {
        const data = res.data as { tab?: TabPage }
        if (live) setLoaded({ key, page: data.tab ?? null, error: !data.tab })
      })
      .catch(() => live && setLoaded({ key, page: null, error: true }))
    return () => {
      live = false
    }
  }, [key, recordId, tab, page])

  // Until the answer for this key arrives, the tab is loading (no stale rows from another tab).
  if (loaded?.key !== key) return { status: 'loading' }
  if (loaded.error || !loaded.page) return { status: 'error', retry: () => setRetries((n) => n + 1) }
  return { status: loaded.page.total === 0 ? 'empty' : 'ready', page: loaded.page }
}
