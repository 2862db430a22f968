import React, { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Box } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import { readTabState, tabKeys, tabSearch, type HostTab, type TabState } from '../../shared/clientPageTabs.js'
import ClientHeader from './ClientHeader.js'
import ClientTabBar from './ClientTabBar.js'
import ClientTabPanel from './ClientTabPanel.js'
import { useTabCounts } from './useTabCounts.js'
import { useClientShowText } from './useClientShowText.js'
import { usePanelFormat } from '../common/usePanelFormat.js'

/**
 * The client's page: a header, then one tab at a time, the tab (and its page) kept in the URL
 * (`?tab=history&tabPage=2`) so a reload or a shared link opens the same one. The action
 * buttons sit in AdminJS's header above, as allowed for this record and role.
 */
const ClientShow: React.FC<ActionProps> = ({ record, action }) => {
  const { translateLabel, i18n } = useTranslation()
  const t = useClientShowText()
  const format = usePanelFormat()
  const location = useLocation()
  const navigate = useNavigate()
  const hostTabs = ((action.custom as { hostTabs?: HostTab[] } | undefined)?.hostTabs ?? []) as HostTab[]
  const keys = tabKeys(hostTabs)
  const state = readTabState(location.search, keys)
  // Bumped when a note is added: the counts are read again (an action reloads the record).
  const [notesAdded, setNotesAdded] = useState(0)
  const counts = useTabCounts(String(record?.id ?? ''), `${record?.params.updatedAt}|${notesAdded}`)
  if (!record) return null
  const language = i18n.language
  const go = (next: TabState) =>
    navigate({ pathname: location.pathname, search: tabSearch(location.search, next, keys) })

  return (
    <Box data-testid="client-show">
      <ClientHeader record={record} language={language} />
      <ClientTabBar
        tabs={keys.map((key) => {
          const host = hostTabs.find((h) => h.resourceId === key)
          return {
            key,
            label: host ? translateLabel(host.resourceId, host.resourceId) : t(`tabs.${key}`),
            count: counts[key],
          }
        })}
        selected={state.tab}
        label={t('tabsLabel')}
        panelId="client-tab-panel"
        countLabel={(label, count) => t('tabWithCount', { label, count: format.count(count) })}
        onSelect={(key) => go({ tab: key, page: 1 })}
      />
      <Box
        variant="card"
        role="tabpanel"
        id="client-tab-panel"
        aria-labelledby={`client-tab-${state.tab}`}
        data-testid={`tab-panel-${state.tab}`}
        style={{ overflowX: 'auto' }}
      >
        <ClientTabPanel
          record={record}
          state={state}
          hostTabs={hostTabs}
          language={language}
          onNavigate={go}
          onNoteAdded={() => setNotesAdded((n) => n + 1)}
        />
      </Box>
    </Box>
  )
}

export default ClientShow
