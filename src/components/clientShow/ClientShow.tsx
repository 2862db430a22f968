import React from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Box, Button } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import { readTabState, tabKeys, tabSearch, type HostTab, type TabState } from '../../shared/clientPageTabs.js'
import ClientHeader from './ClientHeader.js'
import ClientTabPanel from './ClientTabPanel.js'
import { useClientShowText } from './useClientShowText.js'

/**
 * The client's page: a header, then one tab at a time, the tab (and its page) kept in the URL
 * (`?tab=history&tabPage=2`) so a reload or a shared link opens the same one. The action
 * buttons sit in AdminJS's header above, as allowed for this record and role.
 */
const ClientShow: React.FC<ActionProps> = ({ record, action }) => {
  const { translateLabel, i18n } = useTranslation()
  const t = useClientShowText()
  const location = useLocation()
  const navigate = useNavigate()
  const hostTabs = ((action.custom as { hostTabs?: HostTab[] } | undefined)?.hostTabs ?? []) as HostTab[]
  const keys = tabKeys(hostTabs)
  const state = readTabState(location.search, keys)
  if (!record) return null
  const language = i18n.language
  const go = (next: TabState) =>
    navigate({ pathname: location.pathname, search: tabSearch(location.search, next, keys) })

  return (
    <Box data-testid="client-show">
      <ClientHeader record={record} language={language} />
      <Box flex role="tablist" mb="lg" style={{ flexWrap: 'wrap', gap: 4 }} data-testid="client-tabs">
        {keys.map((key) => {
          const host = hostTabs.find((h) => h.resourceId === key)
          const selected = key === state.tab
          return (
            <Button
              key={key}
              type="button"
              role="tab"
              aria-selected={selected}
              size="sm"
              variant={selected ? 'contained' : 'outlined'}
              data-testid={`client-tab-${key}`}
              onClick={() => go({ tab: key, page: 1 })}
            >
              {host ? translateLabel(host.resourceId, host.resourceId) : t(`tabs.${key}`)}
            </Button>
          )
        })}
      </Box>
      <Box variant="card" role="tabpanel" data-testid={`tab-panel-${state.tab}`}>
        <ClientTabPanel
          record={record}
          state={state}
          hostTabs={hostTabs}
          language={language}
          onNavigate={go}
        />
      </Box>
    </Box>
  )
}

export default ClientShow
