import { useEffect, useState } from 'react'
import { ApiClient } from 'adminjs'
import type { TabCounts } from '../../services/list/clientTabCounts.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

/**
 * The rows of every tab (the `tabCounts` action: one statement, one more per host tab), read
 * again when `version` moves (a note added, an action done); `{}` while loading or on failure.
 */
export function useTabCounts(recordId: string, version: string): TabCounts {
  const [counts, setCounts] = useState<{ key: string; counts: TabCounts } | null>(null)
  const key = `${recordId}|${version}`
  useEffect(() => {
    let live = true
    api
      .recordAction({ resourceId: resourceId('Client'), recordId, actionName: 'tabCounts' })
      .then((res) => {
        const data = res.data as { counts?: TabCounts }
        if (live) setCounts({ key, counts: data.counts ?? {} })
      })
      .catch(() => live && setCounts({ key, counts: {} }))
    return () => {
      live = false
    }
  }, [key, recordId])
  return counts?.counts ?? {}
}
