import React, { useEffect, useState } from 'react'
import { useLocation } from 'react-router'
import { Box, Text } from '@adminjs/design-system'
import { ApiClient, useTranslation, type ActionProps } from 'adminjs'
import LeanList from '../common/LeanList.js'
import { usePanelFormat } from '../common/usePanelFormat.js'

const api = new ApiClient()

/** The list of commissions (lean rows, common/LeanList.tsx), with the count and total of the filtered set above it. */
const CommissionList: React.FC<ActionProps> = (props) => {
  const { resource } = props
  const { translateComponent } = useTranslation()
  const location = useLocation()
  const format = usePanelFormat()
  const [totals, setTotals] = useState<{ count: number; total: string } | null>(null)

  useEffect(() => {
    let current = true
    const params = Object.fromEntries(
      [...new URLSearchParams(location.search)].filter(([key]) => key.startsWith('filters.')),
    )
    api
      .resourceAction({ resourceId: resource.id, actionName: 'totals', params })
      .then((res) => current && setTotals(res.data.totals))
    return () => {
      current = false
    }
  }, [location.search, resource.id])

  return (
    <Box>
      <Box variant="card" mb="lg" data-testid="commission-totals">
        <Text>
          {totals
            ? translateComponent('CommissionList.totals', resource.id, {
                count: totals.count,
                total: format.money(totals.total),
              })
            : translateComponent('CommissionList.loading', resource.id)}
        </Text>
      </Box>
      <LeanList {...props} />
    </Box>
  )
}

export default CommissionList
