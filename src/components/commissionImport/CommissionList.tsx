import React from 'react'
import { useLocation } from 'react-router'
import { Box, Text } from '@adminjs/design-system'
import { ApiClient, useTranslation, type ActionProps } from 'adminjs'
import ViewedList from '../clientList/ViewedList.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import LoadFailed from '../common/LoadFailed.js'
import { useActionData } from '../common/useActionData.js'

const api = new ApiClient()

/** The list of commissions (lean rows, with its saved views: clientList/ViewedList.tsx), with the count and total of the filtered set above it. */
const CommissionList: React.FC<ActionProps> = (props) => {
  const { resource } = props
  const { translateComponent } = useTranslation()
  const location = useLocation()
  const format = usePanelFormat()
  const params = Object.fromEntries(
    [...new URLSearchParams(location.search)].filter(([key]) => key.startsWith('filters.')),
  )
  const loaded = useActionData<{ count: number; total: string }>(
    `${resource.id}|${location.search}`,
    () => api.resourceAction({ resourceId: resource.id, actionName: 'totals', params }),
    (answer) => answer.totals as { count: number; total: string } | undefined,
  )
  const totals = loaded.status === 'ready' || loaded.status === 'empty' ? loaded.data : null

  return (
    <Box>
      <Box variant="card" mb="lg" data-testid="commission-totals">
        {loaded.status === 'error' ? (
          <LoadFailed retry={loaded.retry} />
        ) : (
          <Text>
            {totals
              ? translateComponent('CommissionList.totals', resource.id, {
                  count: totals.count,
                  total: format.money(totals.total),
                })
              : translateComponent('CommissionList.loading', resource.id)}
          </Text>
        )}
      </Box>
      <ViewedList {...props} />
    </Box>
  )
}

export default CommissionList
