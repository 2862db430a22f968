import React, { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Box, Button, Icon, Input, Link, Text } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import LeanList from '../common/LeanList.js'
import { NARROW_MAX_WIDTH } from '../common/narrowScreen.js'
import { ClientStatusPill } from '../common/ClientStatusPill.js'
import { CLIENT_STATUS_STYLE } from '../common/clientStatusStyle.js'
import NoMatch from './NoMatch.js'
import { StatusMark } from './ClientStatusDot.js'
import SavedViewsBar from './SavedViewsBar.js'
import { useOpenedView } from './useOpenedView.js'
import { customFieldName } from '../../shared/customFields.js'
import { useCustomFieldColumns } from '../customFields/useCustomFieldColumns.js'
import { listColumnsOf } from './customColumns.js'
import ColumnPicker from './ColumnPicker.js'

/**
 * The list's cells closer together than AdminJS's (16 px each side): at 1440 px its nine columns
 * and the row menu reached past the right edge of their box (issue 31). Above the phone layout
 * only (narrowScreen.ts lays out the cards below it).
 */
const LIST_CSS = `
@media (min-width: ${NARROW_MAX_WIDTH + 1}px) {
  [data-testid="client-list"] table > * > tr > * { padding-left: 8px; padding-right: 8px; }
}
`

/**
 * AdminJS's list with a search box above it (names, email, client number, phone, email domain and
 * contract reference at once: the `q` filter, services/list/clientSearch.ts), and its total marked `≈` when it is an
 * estimate: the server estimates only when no filter is set and no exact count was asked for.
 * The rows come lean (their action names only) and LeanList gives them back their actions.
 */
const ClientList: React.FC<ActionProps> = (props) => {
  const { resource, setTag } = props
  const { translateComponent, translateLabel } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const params = new URLSearchParams(location.search)
  const current = params.get('filters.q') ?? ''
  const [query, setQuery] = useState(current)
  // The URL changed (a filter, back, a link): the box shows its query again.
  const [shown, setShown] = useState(current)
  if (shown !== current) {
    setShown(current)
    setQuery(current)
  }

  // Saved views: the admin's default, a view's link (`?view=<id>`), the bar above the list.
  const { views, waiting } = useOpenedView(resource.id)
  // The columns asked for (`columns`: the list's own and custom fields' `cf__<key>`), all the
  // list's own when none; the custom fields' values come with the page's records.
  const custom = useCustomFieldColumns()
  const columns = (params.get('columns') ?? '').split(',')
  const shownResource = { ...resource, listProperties: listColumnsOf(resource, columns, custom.fields) }
  const allColumns = [
    ...resource.listProperties.map((p) => p.propertyPath),
    ...custom.fields.map((f) => customFieldName(f.key)),
  ]
  const shownColumns = shownResource.listProperties.map((p) => p.propertyPath)

  const estimated = ![...params.keys()].some((key) => key.startsWith('filters.')) && !params.get('exactCount')
  const markedTag = setTag ? (tag: string) => setTag(estimated ? `≈ ${tag}` : tag) : undefined

  const searchFor = (text: string) => {
    const next = new URLSearchParams(location.search)
    if (text.trim()) next.set('filters.q', text.trim())
    else next.delete('filters.q')
    next.delete('page')
    navigate({ pathname: location.pathname, search: `?${next.toString()}` })
  }
  const search = (event: React.FormEvent) => {
    event.preventDefault()
    searchFor(query)
  }
  // A search that found nobody says so, with its query and a way back to the whole list.
  const empty = current.trim() ? (
    <NoMatch resourceId={resource.id} query={current.trim()} onClear={() => searchFor('')} />
  ) : undefined

  return (
    <Box data-testid="client-list">
      <style>{LIST_CSS}</style>
      <Box as="form" onSubmit={search} flex mb="lg" data-testid="client-search">
        <Input
          type="search"
          value={query}
          placeholder={translateComponent('ClientList.searchPlaceholder', resource.id)}
          aria-label={translateComponent('ClientList.searchPlaceholder', resource.id)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
          width={1}
          mr="default"
        />
        <Button type="submit" variant="contained">
          <Icon icon="Search" />
          {translateComponent('ClientList.search', resource.id)}
        </Button>
      </Box>
      <Box flex alignItems="center" mb="lg" style={{ gap: 8, flexWrap: 'wrap' }} data-testid="status-legend">
        <Text mr="sm">{translateComponent('ClientStatusLegend.title', resource.id)}</Text>
        {/* The colors explained, each a filter on its status. */}
        {Object.keys(CLIENT_STATUS_STYLE).map((status) => {
          const next = new URLSearchParams(location.search)
          next.set('filters.status', status)
          next.delete('page')
          return (
            <Link
              key={status}
              href={`${location.pathname}?${next.toString()}`}
              title={translateComponent('ClientStatusLegend.filterBy', resource.id, {
                status: translateLabel(`status.${status}`, resource.id),
              })}
              onClick={(event: React.MouseEvent) => {
                event.preventDefault()
                navigate({ pathname: location.pathname, search: `?${next.toString()}` })
              }}
              data-testid={`legend-${status}`}
            >
              {/* The list's mark beside each name: the ring (pending) and the dot (suspended) share a color. */}
              <Box as="span" flex alignItems="center" style={{ gap: 4 }}>
                <StatusMark status={status} />
                <ClientStatusPill status={status} />
              </Box>
            </Link>
          )
        })}
      </Box>
      <SavedViewsBar resource={resource} state={views} shownColumns={shownColumns} allColumns={allColumns} />
      <ColumnPicker resourceId={resource.id} all={allColumns} shown={shownColumns} />
      {/* ActionProps types setTag as React's state setter; the list only ever passes a string. */}
      {waiting ? (
        <Text data-testid="views-loading-list">{translateComponent('SavedViews.loading', resource.id)}</Text>
      ) : (
        <LeanList
          {...props}
          resource={shownResource}
          setTag={markedTag as ActionProps['setTag'] as never}
          empty={empty}
        />
      )}
    </Box>
  )
}

export default ClientList
