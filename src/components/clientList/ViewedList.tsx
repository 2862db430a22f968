import React from 'react'
import { useLocation } from 'react-router'
import { Box, Text } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import LeanList from '../common/LeanList.js'
import SavedViewsBar from './SavedViewsBar.js'
import ColumnPicker from './ColumnPicker.js'
import { listColumnsOf } from './customColumns.js'
import { useOpenedView } from './useOpenedView.js'

/**
 * A list of records (contracts, commissions) with its saved views above it, as the client list
 * has them: the views bar (each view's name and count, its menu, "Save as a view"), the columns
 * to show (the URL's `columns`, what a view keeps), and the list opened on a view by its link or
 * on the admin's default. AdminJS's filter drawer writes the filters a view saves.
 */
const ViewedList: React.FC<ActionProps> = (props) => {
  const { resource } = props
  const { translateComponent } = useTranslation()
  const location = useLocation()
  const { views, waiting } = useOpenedView(resource.id)
  const columns = (new URLSearchParams(location.search).get('columns') ?? '').split(',')
  const shownResource = { ...resource, listProperties: listColumnsOf(resource, columns, []) }
  const allColumns = resource.listProperties.map((p) => p.propertyPath)
  const shownColumns = shownResource.listProperties.map((p) => p.propertyPath)
  return (
    <Box>
      <SavedViewsBar resource={resource} state={views} shownColumns={shownColumns} allColumns={allColumns} />
      <ColumnPicker resourceId={resource.id} all={allColumns} shown={shownColumns} />
      {waiting ? (
        <Text data-testid="views-loading-list">{translateComponent('SavedViews.loading', resource.id)}</Text>
      ) : (
        <LeanList {...props} resource={shownResource} />
      )}
    </Box>
  )
}

export default ViewedList
