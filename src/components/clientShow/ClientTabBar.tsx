import React, { useRef } from 'react'
import { Box } from '@adminjs/design-system'

export interface TabItem {
  key: string
  label: string
  /** Rows in the tab; undefined while the counts load or for a tab without rows (details). */
  count?: number
}

/**
 * One row of tabs (WAI-ARIA tabs pattern): the selected one has `aria-selected` and is the only
 * one in the Tab order; arrow keys, Home and End move and select; the row wraps when the tabs
 * do not fit (none is ever out of sight). The design system's Tabs lacks `aria-selected`, keys and a tablist of tabs only.
 */
const ClientTabBar: React.FC<{
  tabs: TabItem[]
  selected: string
  label: string
  panelId: string
  countLabel: (label: string, count: number) => string
  onSelect: (key: string) => void
}> = ({ tabs, selected, label, panelId, countLabel, onSelect }) => {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})

  const move = (event: React.KeyboardEvent, index: number) => {
    const last = tabs.length - 1
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const key = tabs[next].key
    refs.current[key]?.focus()
    onSelect(key)
  }

  return (
    <Box
      role="tablist"
      aria-label={label}
      data-testid="client-tabs"
      mb="lg"
      style={{
        // Wrapped, not scrolled: every tab in sight at any width (a host's tabs after ours).
        display: 'flex',
        flexWrap: 'wrap',
        borderBottom: '2px solid #DEE2E6',
      }}
    >
      {tabs.map((tab, index) => {
        const active = tab.key === selected
        return (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[tab.key] = el
            }}
            type="button"
            role="tab"
            id={`client-tab-${tab.key}`}
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            data-testid={`client-tab-${tab.key}`}
            data-count={tab.count}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
            style={{
              flex: '0 0 auto',
              whiteSpace: 'nowrap',
              background: 'none',
              border: 'none',
              borderBottom: `3px solid ${active ? '#3040D6' : 'transparent'}`,
              marginBottom: -2,
              padding: '12px 16px',
              cursor: 'pointer',
              font: 'inherit',
              fontWeight: active ? 700 : 400,
              color: active ? '#3040D6' : '#454655',
            }}
          >
            {tab.count === undefined ? tab.label : countLabel(tab.label, tab.count)}
          </button>
        )
      })}
    </Box>
  )
}

export default ClientTabBar
