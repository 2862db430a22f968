import React from 'react'
import { Box, H3, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system'
import { ApiClient, OriginalShow, ViewHelpers, useTranslation, type ActionProps } from 'adminjs'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { resourceId } from '../common/resourceId.js'
import LoadFailed from '../common/LoadFailed.js'
import { useActionData } from '../common/useActionData.js'

const api = new ApiClient()
const h = new ViewHelpers()

interface Summary {
  clients: number
  contracts: Record<string, number>
  months: { period: string; count: number; total: string }[]
}

/** The advisor's fields, then its clients, contracts and commission totals by month, with links. */
const AdvisorShow: React.FC<ActionProps> = (props) => {
  const { record, resource } = props
  const { translateComponent } = useTranslation()
  const format = usePanelFormat()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`AdvisorShow.${key}`, resource.id, options)
  const id = record?.id
  const loaded = useActionData<Summary>(
    `${resource.id}|${id}`,
    () => api.recordAction({ resourceId: resource.id, recordId: String(id), actionName: 'summary' }),
    (answer) => answer.summary as Summary | undefined,
  )
  const summary = loaded.status === 'ready' || loaded.status === 'empty' ? loaded.data : null

  return (
    <Box>
      <OriginalShow {...props} />
      <Box variant="container" mt="xl" data-testid="advisor-summary">
        {loaded.status === 'loading' && <Text>{t('loading')}</Text>}
        {loaded.status === 'error' && <LoadFailed retry={loaded.retry} />}
        {summary && (
          <>
            <H3>{t('title')}</H3>
            <Text mb="default">
              <Link
                href={h.resourceUrl({ resourceId: resourceId('Client'), search: `?filters.advisor=${id}` })}
              >
                {t('clients', { count: summary.clients })}
              </Link>
            </Text>
            <Text mb="lg">
              <Link
                href={h.resourceUrl({
                  resourceId: resourceId('Contract'),
                  search: `?filters.advisorId=${id}`,
                })}
              >
                {t('contracts', {
                  list:
                    Object.entries(summary.contracts)
                      .map(([status, n]) => t(`contractsByStatus.${status}`, { count: n }))
                      .join(', ') || '0',
                })}
              </Link>
            </Text>
            <Table>
              <TableHead>
                <TableRow>
                  <TableCell>{t('month')}</TableCell>
                  <TableCell>{t('count')}</TableCell>
                  <TableCell>{t('total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {summary.months.map((m) => (
                  <TableRow key={m.period}>
                    <TableCell>
                      <Link
                        href={h.resourceUrl({
                          resourceId: resourceId('Commission'),
                          search: `?filters.advisorId=${id}&filters.period~~from=${m.period}&filters.period~~to=${m.period}`,
                        })}
                      >
                        {m.period.slice(0, 7)}
                      </Link>
                    </TableCell>
                    <TableCell>{m.count}</TableCell>
                    <TableCell>{format.money(m.total)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {summary.months.length === 0 && <Text mt="default">{t('noCommissions')}</Text>}
          </>
        )}
      </Box>
    </Box>
  )
}

export default AdvisorShow
