import React from 'react'
import { Box } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ClientDashboardData } from '../../services/list/clientDashboard.js'
import { clientStatusStyle } from '../common/clientStatusStyle.js'
import type { PanelFormat } from '../common/usePanelFormat.js'
import ChartFigure from './ChartFigure.js'
import { resourceId } from '../common/resourceId.js'
import { axisMonthLabels, longMonth } from './monthLabels.js'

const PRIMARY = '#3040D6'

/**
 * The dashboard's three charts (recharts, bundled by AdminJS's ComponentLoader): new clients
 * per month and commissions per month over 12 months, clients by status. Each also carries its
 * numbers as a table for screen readers, and says so when there is nothing to draw.
 */
const DashboardCharts: React.FC<{ data: ClientDashboardData; format: PanelFormat }> = ({ data, format }) => {
  const { translateComponent, translateLabel } = useTranslation()
  const t = (key: string) => translateComponent(`ClientDashboard.${key}`, resourceId('Client'))
  const language = format.language
  const labels = axisMonthLabels(
    data.months.map((m) => m.month),
    language,
  )
  const months = data.months.map((m, i) => ({ ...m, label: labels[i], amount: Number(m.commissions) }))
  const statuses = Object.entries(data.byStatus).map(([status, count]) => ({
    status,
    label: translateLabel(`status.${status}`, resourceId('Client')),
    count,
  }))
  const emptyWhen = (zero: boolean) => (zero ? t('chartEmpty') : null)
  const axis = { fontSize: 12, fill: '#454655' }

  return (
    <Box flex mb="xl" style={{ gap: 16, flexWrap: 'wrap' }} data-testid="dashboard-charts">
      <ChartFigure
        id="new-clients"
        title={t('newClientsChart')}
        empty={emptyWhen(months.every((m) => m.newClients === 0))}
        headers={[t('month'), t('clients')]}
        rows={months.map((m) => [longMonth(m.month, language), format.count(m.newClients)])}
      >
        <ResponsiveContainer>
          <BarChart data={months} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={4} />
            <YAxis allowDecimals={false} tick={axis} width={40} />
            <Tooltip formatter={(value) => [format.count(Number(value)), t('clients')]} />
            <Bar dataKey="newClients" fill={PRIMARY} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        id="by-status"
        title={t('statusChart')}
        empty={emptyWhen(statuses.every((s) => s.count === 0))}
        headers={[t('status'), t('clients')]}
        rows={statuses.map((s) => [s.label, format.count(s.count)])}
      >
        <ResponsiveContainer>
          <BarChart data={statuses} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="label" tick={axis} width={150} />
            <Tooltip formatter={(value) => [format.count(Number(value)), t('clients')]} />
            <Bar dataKey="count" isAnimationActive={false}>
              {statuses.map((s) => (
                <Cell key={s.status} fill={clientStatusStyle(s.status).bg} stroke="#495057" />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        id="commissions"
        title={t('commissionsChart')}
        empty={emptyWhen(months.every((m) => m.amount === 0))}
        headers={[t('month'), t('amount')]}
        rows={months.map((m) => [longMonth(m.month, language), format.money(m.commissions) ?? ''])}
      >
        <ResponsiveContainer>
          <BarChart data={months} margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={4} />
            <YAxis
              tick={axis}
              width={70}
              tickFormatter={(v: number) =>
                new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(v)
              }
            />
            <Tooltip formatter={(value) => [format.money(value) ?? '', t('amount')]} />
            <Bar dataKey="amount" fill="#1E7B34" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </Box>
  )
}

export default DashboardCharts
