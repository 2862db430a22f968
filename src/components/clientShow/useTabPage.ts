import { ApiClient } from 'adminjs'
import { DEFAULT_TAB_PER_PAGE } from '../../shared/clientPageTabs.js'
import type { TabPage } from '../../services/list/clientTabs.js'
import { resourceId } from '../common/resourceId.js'
import { useActionData } from '../common/useActionData.js'

const api = new ApiClient()

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
  const loaded = useActionData<TabPage>(
    `${recordId}|${tab}|${page}|${version}`,
    () =>
      api.recordAction({
        resourceId: resourceId('Client'),
        recordId,
        actionName: 'tab',
        params: { tab, page, perPage: DEFAULT_TAB_PER_PAGE },
      }),
    (answer) => answer.tab as TabPage | undefined,
    (rows) => rows.total === 0,
  )
  if (loaded.status === 'loading' || loaded.status === 'error') return loaded
  return { status: loaded.status, page: loaded.data }
}
