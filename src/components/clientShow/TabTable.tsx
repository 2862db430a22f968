import React from 'react'
import { useNavigate } from 'react-router'
import {
  Box,
  Button,
  Icon,
  Link,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { pageCount } from '../../shared/clientPageTabs.js'
import type { TabPage } from '../../services/list/clientTabs.js'
import { recordShowUrl } from './recordShowUrl.js'
import { useClientShowText } from './useClientShowText.js'
import { useTabPage } from './useTabPage.js'
import { stackedRows } from '../common/narrowScreen.js'

/** A column of a tab: its row key, its heading, and how to show a cell when the raw value will not do. */
export interface TabColumn {
  key: string
  label: string
  render?: (row: Record<string, unknown>, page: TabPage) => React.ReactNode
}

/** A tab's table: its page of rows (each opening its record), the pager, loading, empty and error states. */
const TabTable: React.FC<{
  recordId: string
  tab: string
  page: number
  version: number
  columns: TabColumn[]
  rowResource: string
  empty: string
  onPage: (page: number) => void
  footer?: (page: TabPage) => React.ReactNode
}> = ({ recordId, tab, page, version, columns, rowResource, empty, onPage, footer }) => {
  const t = useClientShowText()
  const navigate = useNavigate()
  const loaded = useTabPage(recordId, tab, page, version)

  if (loaded.status === 'loading') {
    return (
      <Text data-testid="tab-loading" py="lg">
        <Icon icon="Loader" spin /> {t('loading')}
      </Text>
    )
  }
  if (loaded.status === 'error') {
    return (
      <Box data-testid="tab-error" py="lg">
        <MessageBox variant="danger" message={t('error')} mb="default" />
        <Button type="button" size="sm" onClick={loaded.retry}>
          {t('retry')}
        </Button>
      </Box>
    )
  }
  if (loaded.status === 'empty') {
    return (
      <Text data-testid="tab-empty" py="lg">
        {empty}
      </Text>
    )
  }
  const data = loaded.page
  const pages = pageCount(data.total, data.perPage)
  const cell = (column: TabColumn, row: Record<string, unknown>) =>
    column.render ? column.render(row, data) : String(row[column.key] ?? t('none'))
  return (
    <Box data-testid={`tab-table-${tab}`}>
      <Table {...stackedRows}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key}>{c.label}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rows.map((row) => {
            const href = recordShowUrl(rowResource, row.id)
            return (
              <TableRow
                key={String(row.id)}
                data-testid="tab-row"
                style={{ cursor: 'pointer' }}
                onClick={(event: React.MouseEvent) => {
                  // A link inside the row (another record) wins over the row.
                  if ((event.target as HTMLElement).closest('a')) return
                  navigate(href)
                }}
              >
                {columns.map((c, i) => (
                  <TableCell key={c.key} data-label={c.label}>
                    {i === 0 ? <Link href={href}>{cell(c, row)}</Link> : cell(c, row)}
                  </TableCell>
                ))}
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
      {footer?.(data)}
      <Box flex alignItems="center" mt="default" data-testid="tab-pager">
        <Button
          type="button"
          size="sm"
          mr="default"
          disabled={data.page <= 1}
          onClick={() => onPage(data.page - 1)}
        >
          {t('previous')}
        </Button>
        <Text mr="default">{t('pageOf', { page: data.page, pages, total: data.total })}</Text>
        <Button type="button" size="sm" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
          {t('next')}
        </Button>
      </Box>
    </Box>
  )
}

export default TabTable
