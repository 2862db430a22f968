import React from 'react'
import {
  Box,
  H2,
  H3,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { ApiClient, ViewHelpers, useTranslation } from 'adminjs'
import { ClientStatusPill } from '../common/ClientStatusPill.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import DashboardCharts from './DashboardCharts.js'
import type { ClientDashboardData } from '../../services/list/clientDashboard.js'
import { resourceId } from '../common/resourceId.js'
import { dashboardPageName } from '../../shared/dashboardPage.js'
import LoadFailed from '../common/LoadFailed.js'
import { useActionData } from '../common/useActionData.js'
import { stackedRows } from '../common/narrowScreen.js'

const api = new ApiClient()
const h = new ViewHelpers()

const clientUrl = (id: number) =>
  h.recordActionUrl({ resourceId: resourceId('Client'), recordId: String(id), actionName: 'show' })

/** The home page: counts by status (each a link to the list), new this month, awaiting confirmation, latest actions. */
const ClientDashboard: React.FC = () => {
  const { translateComponent, translateLabel } = useTranslation()
  const format = usePanelFormat()
  const t = (key: string) => translateComponent(`ClientDashboard.${key}`, resourceId('Client'))
  const loaded = useActionData<ClientDashboardData>(
    'dashboard',
    () => {
      const pageName = dashboardPageName(window.location.pathname)
      return pageName ? api.getPage({ pageName }) : api.getDashboard()
    },
    (answer) => answer.dashboard as ClientDashboardData | undefined,
  )

  if (loaded.status === 'loading') {
    return (
      <Box p="xl" data-testid="dashboard-loading" aria-busy="true">
        <H2>{t('title')}</H2>
        <Box flex style={{ gap: 16, flexWrap: 'wrap' }}>
          {['newClientsChart', 'statusChart', 'commissionsChart'].map((key) => (
            <Box key={key} variant="card" style={{ flex: '1 1 320px', minHeight: 300 }}>
              <H3>{t(key)}</H3>
              <Text color="grey60">{t('loading')}</Text>
            </Box>
          ))}
        </Box>
      </Box>
    )
  }
  if (loaded.status === 'error') {
    return (
      <Box m="xl">
        <LoadFailed retry={loaded.retry} message={t('error')} />
      </Box>
    )
  }
  const { byStatus, newThisMonth, awaitingConfirmation, latestActions } = loaded.data

  return (
    <Box p="xl" data-testid="client-dashboard">
      <H2>{t('title')}</H2>
      <DashboardCharts data={loaded.data} format={format} />
      <Box flex style={{ gap: 16, flexWrap: 'wrap' }} mb="xl">
        <Box variant="card" style={{ minWidth: 320, flex: 1 }}>
          <H3>{t('byStatus')}</H3>
          {Object.entries(byStatus).map(([status, count]) => (
            <Box key={status} flex alignItems="center" justifyContent="space-between" mb="sm">
              <Link
                href={h.resourceUrl({
                  resourceId: resourceId('Client'),
                  search: `?filters.status=${status}`,
                })}
              >
                <ClientStatusPill status={status} />
              </Link>
              <Text fontWeight="bold" data-testid={`dashboard-count-${status}`}>
                {format.count(count)}
              </Text>
            </Box>
          ))}
        </Box>
        <Box variant="card" style={{ minWidth: 220, flex: 1 }}>
          <H3>{t('newThisMonth')}</H3>
          <Text fontSize="h2" data-testid="dashboard-new">
            {format.count(newThisMonth)}
          </Text>
        </Box>
        <Box variant="card" style={{ minWidth: 320, flex: 1 }}>
          <H3>
            {t('awaitingConfirmation')} ({format.count(byStatus.pending)})
          </H3>
          {awaitingConfirmation.map((c) => (
            <Text key={c.id} mb="sm">
              <Link href={clientUrl(c.id)}>
                {c.clientNumber} · {c.name}
              </Link>{' '}
              <Text as="span" color="grey60">
                {format.date(c.createdAt, false)}
              </Text>
            </Text>
          ))}
        </Box>
      </Box>
      <Box variant="card">
        <H3>{t('latestActions')}</H3>
        {latestActions.length === 0 ? (
          <Text>{t('noActions')}</Text>
        ) : (
          <Table data-testid="dashboard-actions" {...stackedRows}>
            <TableHead>
              <TableRow>
                <TableCell>{t('date')}</TableCell>
                <TableCell>{t('client')}</TableCell>
                <TableCell>{t('action')}</TableCell>
                <TableCell>{t('by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {latestActions.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{format.date(a.createdAt)}</TableCell>
                  <TableCell>
                    {a.clientId ? <Link href={clientUrl(a.clientId)}>{a.client ?? a.clientId}</Link> : '—'}
                  </TableCell>
                  <TableCell>{translateLabel(`type.${a.type}`, resourceId('ClientEvent'))}</TableCell>
                  <TableCell>
                    {a.actor ?? translateLabel(`actorType.${a.actorType}`, resourceId('ClientEvent'))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  )
}

export default ClientDashboard
