import React, { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Badge, Box, Button, Icon, Link, Text } from '@adminjs/design-system'
import { useTranslation, type ResourceJSON } from 'adminjs'
import { viewSearch, type ViewSummary } from '../../shared/savedViews.js'
import type { SavedViewsState } from './useSavedViews.js'
import { rowsWord } from './rowsWord.js'
import SaveViewForm from './SaveViewForm.js'
import ViewMenu from './ViewMenu.js'

/** What of the list's URL a view is saved from: its filters, sort and page size (not the page, not the view's own marks). */
export function listSearchOf(search: string): string {
  const params = new URLSearchParams(search)
  for (const key of ['view', 'columns', 'page']) params.delete(key)
  return params.toString()
}

/**
 * The saved views above a list (clients, contracts, commissions): "All clients", then each view a link (its name and its
 * count) with a menu of its actions, and "Save as a view" from the list as it is.
 */
const SavedViewsBar: React.FC<{
  resource: ResourceJSON
  state: SavedViewsState
  shownColumns: string[]
  /** The columns a view may show: the list's own, then the custom fields'. */
  allColumns: string[]
}> = ({ resource, state, shownColumns, allColumns }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`SavedViews.${key}`, resource.id, options)
  const location = useLocation()
  const navigate = useNavigate()
  const [saving, setSaving] = useState(false)
  const [menu, setMenu] = useState<number | null>(null)
  const active = new URLSearchParams(location.search).get('view')
  const rows = rowsWord(resource.id)
  const go = (search: string) => (event: React.MouseEvent) => {
    event.preventDefault()
    navigate({ pathname: location.pathname, search: `?${search}` })
  }

  const link = (view: ViewSummary) => {
    const search = viewSearch(view)
    const current = active === String(view.id)
    return (
      <Box key={view.id} flex alignItems="center" data-testid={`view-${view.id}`}>
        <Link
          href={`${location.pathname}?${search}`}
          onClick={go(search)}
          aria-current={current ? 'page' : undefined}
          style={{ fontWeight: current ? 'bold' : undefined }}
          title={view.shared ? t('shared') : t('private')}
        >
          {view.shared ? null : <Icon icon="Lock" size={12} mr="sm" />}
          {view.name}
          {view.id === state.defaultViewId ? ` (${t('isDefault')})` : ''}
        </Link>
        <Badge
          size="sm"
          ml="sm"
          data-testid="view-count"
          aria-label={t(`count${rows}`, { count: view.count })}
        >
          {view.count.toLocaleString()}
        </Badge>
        <Button
          type="button"
          size="icon"
          variant="text"
          aria-label={t('manage', { name: view.name })}
          aria-expanded={menu === view.id}
          onClick={() => setMenu(menu === view.id ? null : view.id)}
          data-testid={`view-manage-${view.id}`}
        >
          <Icon icon="MoreVertical" />
        </Button>
      </Box>
    )
  }

  const opened = state.views.find((v) => v.id === menu)
  return (
    <Box mb="lg" data-testid="saved-views">
      <Box as="nav" aria-label={t('title')} flex alignItems="center" style={{ gap: 12, flexWrap: 'wrap' }}>
        <Text mr="sm">{t('title')}</Text>
        <Link
          href={`${location.pathname}?view=all`}
          onClick={go('view=all')}
          aria-current={active === 'all' ? 'page' : undefined}
          data-testid="view-all"
        >
          {t(`all${rows}`)}
        </Link>
        {state.loading && state.views.length === 0 ? (
          <Text data-testid="views-loading">{t('loading')}</Text>
        ) : state.failed ? (
          <Text>{t('failed')}</Text>
        ) : state.views.length === 0 ? (
          <Text data-testid="views-empty">{t('empty')}</Text>
        ) : (
          state.views.map(link)
        )}
        <Button
          type="button"
          size="sm"
          onClick={() => setSaving(!saving)}
          aria-expanded={saving}
          data-testid="save-view"
        >
          <Icon icon="Save" />
          {t('save')}
        </Button>
      </Box>
      {opened ? (
        <ViewMenu
          view={opened}
          resourceId={resource.id}
          isDefault={opened.id === state.defaultViewId}
          change={state.change}
          onClose={() => setMenu(null)}
        />
      ) : null}
      {saving ? (
        <SaveViewForm
          resource={resource}
          shownColumns={shownColumns}
          allColumns={allColumns}
          onSave={(fields) => state.change('saveView', { ...fields, query: listSearchOf(location.search) })}
          onClose={() => setSaving(false)}
        />
      ) : null}
    </Box>
  )
}

export default SavedViewsBar
