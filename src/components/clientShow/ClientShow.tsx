import React, { useEffect, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import {
  Badge,
  Box,
  Button,
  FormGroup,
  FormMessage,
  H3,
  Icon,
  Label,
  Link,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
  TextArea,
} from '@adminjs/design-system'
import { ApiClient, ViewHelpers, useNotice, useTranslation, type ActionProps, type RecordJSON } from 'adminjs'
import { ClientStatusPill } from '../common/ClientStatusBadge.js'
import PaymentMethodsTab from './PaymentMethodsTab.js'
import {
  DEFAULT_PER_PAGE,
  formatDate,
  formatMoney,
  formatPeriod,
  formatValue,
  pageCount,
  readTabState,
  tabKeys,
  tabSearch,
  type HostTab,
  type TabState,
} from '../../shared/clientPageTabs.js'
import type { TabPage } from '../../services/list/clientTabs.js'

const api = new ApiClient()
const h = new ViewHelpers()
const CLIENT = 'Client'

type Loaded = { key: string; page: TabPage | null; error: boolean }

/** One page of a tab through the plugin's `tab` action; `reload` fetches it again. */
function useTabPage(recordId: string, tab: string, page: number, version: number) {
  const key = `${recordId}|${tab}|${page}|${version}`
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  useEffect(() => {
    let live = true
    api
      .recordAction({
        resourceId: CLIENT,
        recordId,
        actionName: 'tab',
        params: { tab, page, perPage: DEFAULT_PER_PAGE },
      })
      .then((res) => {
        const data = res.data as { tab?: TabPage }
        if (live) setLoaded({ key, page: data.tab ?? null, error: !data.tab })
      })
      .catch(() => live && setLoaded({ key, page: null, error: true }))
    return () => {
      live = false
    }
  }, [key, recordId, tab, page])
  // Until the answer for this key arrives, the tab is loading (no stale rows from another tab).
  return loaded?.key === key ? loaded : null
}

interface Column {
  key: string
  label: string
  render?: (row: Record<string, unknown>, page: TabPage) => React.ReactNode
}

const showUrl = (resourceId: string, id: unknown) =>
  h.recordActionUrl({ resourceId, recordId: String(id), actionName: 'show' })

/** A tab's table: its page of rows (each opening its record), the pager, loading, empty and error states. */
const TabTable: React.FC<{
  recordId: string
  tab: string
  page: number
  version: number
  columns: Column[]
  rowResource: string
  empty: string
  onPage: (page: number) => void
  footer?: (page: TabPage) => React.ReactNode
}> = ({ recordId, tab, page, version, columns, rowResource, empty, onPage, footer }) => {
  const { translateComponent } = useTranslation()
  const navigate = useNavigate()
  const [retries, setRetries] = useState(0)
  const loaded = useTabPage(recordId, tab, page, version + retries)
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, CLIENT, options)

  if (!loaded) {
    return (
      <Text data-testid="tab-loading" py="lg">
        <Icon icon="Loader" spin /> {t('loading')}
      </Text>
    )
  }
  if (loaded.error || !loaded.page) {
    return (
      <Box data-testid="tab-error" py="lg">
        <MessageBox variant="danger" message={t('error')} mb="default" />
        <Button type="button" size="sm" onClick={() => setRetries((n) => n + 1)}>
          {t('retry')}
        </Button>
      </Box>
    )
  }
  const data = loaded.page
  if (data.total === 0) {
    return (
      <Text data-testid="tab-empty" py="lg">
        {empty}
      </Text>
    )
  }
  const pages = pageCount(data.total, data.perPage)
  return (
    <Box data-testid={`tab-table-${tab}`}>
      <Table>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key}>{c.label}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rows.map((row) => {
            const href = showUrl(rowResource, row.id)
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
                  <TableCell key={c.key}>
                    {i === 0 ? (
                      <Link href={href}>
                        {c.render ? c.render(row, data) : String(row[c.key] ?? t('none'))}
                      </Link>
                    ) : c.render ? (
                      c.render(row, data)
                    ) : (
                      String(row[c.key] ?? t('none'))
                    )}
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

const Field: React.FC<{ label: string; children: React.ReactNode; testId?: string }> = ({
  label,
  children,
  testId,
}) => (
  <Box mb="lg" mr="xl" style={{ minWidth: 180 }} data-testid={testId}>
    <Label>{label}</Label>
    <Text>{children}</Text>
  </Box>
)

/** The header: name, status badge, number, balance, last login and IP, email confirmed, 2FA. */
const ClientHeader: React.FC<{ record: RecordJSON; language: string }> = ({ record, language }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, CLIENT, options)
  const p = record.params
  const lastLogin = formatDate(p.lastLoginAt, language)
  return (
    <Box variant="card" mb="xl" data-testid="client-header">
      <Box flex alignItems="center" mb="lg" style={{ gap: 12, flexWrap: 'wrap' }}>
        <H3 mb="0" data-testid="client-name">
          {[p.lastName, p.firstName].filter(Boolean).join(' ')}
        </H3>
        <ClientStatusPill status={p.status as string} reason={p.statusReason as string | undefined} />
        <Text color="grey60">{t('clientNumber', { number: p.clientNumber })}</Text>
      </Box>
      {p.statusReason && (
        <Text mb="lg" data-testid="client-status-reason">
          {translateComponent('ClientStatusBadge.reason', CLIENT, { reason: p.statusReason })}
        </Text>
      )}
      <Box flex style={{ flexWrap: 'wrap' }}>
        <Field label={t('balance')} testId="client-balance">
          {formatMoney(p.balance ?? '0', language)}
        </Field>
        <Field label={t('lastLogin')} testId="client-last-login">
          {lastLogin
            ? `${lastLogin}${p.lastLoginIp ? ` ${t('fromIp', { ip: p.lastLoginIp })}` : ''}`
            : t('never')}
        </Field>
        <Field label={t('email')} testId="client-email">
          {String(p.email ?? t('none'))}{' '}
          <Badge size="sm" variant={p.emailConfirmedAt ? 'success' : 'secondary'} outline>
            {p.emailConfirmedAt ? t('emailConfirmed') : t('emailNotConfirmed')}
          </Badge>
        </Field>
        <Field label={t('twoFactor')} testId="client-2fa">
          <Badge size="sm" variant={p.twoFactorEnabledAt ? 'success' : 'secondary'} outline>
            {p.twoFactorEnabledAt ? t('twoFactorOn') : t('twoFactorOff')}
          </Badge>
        </Field>
      </Box>
    </Box>
  )
}

const DETAIL_SECTIONS: Record<string, string[]> = {
  identity: ['clientNumber', 'lastName', 'firstName', 'email', 'phone', 'locale', 'advisorId'],
  address: ['addressLine1', 'addressLine2', 'postalCode', 'city', 'country'],
  account: [
    'status',
    'statusReason',
    'balance',
    'emailConfirmedAt',
    'twoFactorEnabledAt',
    'lastLoginAt',
    'lastLoginIp',
    'stripeCustomerId',
    'createdAt',
    'updatedAt',
    'deletedAt',
    'mergedIntoId',
    'importBatchId',
  ],
}
const DATE_FIELDS = new Set([
  'emailConfirmedAt',
  'twoFactorEnabledAt',
  'lastLoginAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
])
const REFERENCES: Record<string, string> = {
  advisorId: 'Advisor',
  mergedIntoId: 'Client',
  importBatchId: 'ImportBatch',
}

/** Every profile field, the referent advisor and the address. */
const DetailsTab: React.FC<{ record: RecordJSON; language: string }> = ({ record, language }) => {
  const { translateComponent, translateProperty, translateLabel } = useTranslation()
  const none = translateComponent('ClientShow.none', CLIENT)
  const value = (name: string): React.ReactNode => {
    const raw = record.params[name]
    if (raw === null || raw === undefined || raw === '') return none
    if (REFERENCES[name]) {
      const title = record.populated?.[name]?.title
      return <Link href={showUrl(REFERENCES[name], raw)}>{title ?? String(raw)}</Link>
    }
    if (DATE_FIELDS.has(name)) return formatDate(raw, language)
    if (name === 'balance') return formatMoney(raw, language)
    if (name === 'status' || name === 'locale') return translateLabel(`${name}.${raw}`, CLIENT)
    return String(raw)
  }
  return (
    <Box data-testid="tab-details">
      {Object.entries(DETAIL_SECTIONS).map(([section, fields]) => (
        <Box key={section} mb="xl">
          <H3>{translateComponent(`ClientShow.sections.${section}`, CLIENT)}</H3>
          <Box flex style={{ flexWrap: 'wrap' }}>
            {fields.map((name) => (
              <Field key={name} label={translateProperty(name, CLIENT)} testId={`detail-${name}`}>
                {value(name)}
              </Field>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  )
}

/** The note form above the notes: posts to `addNote`, shows its notice, then the list again. */
const NoteForm: React.FC<{ recordId: string; onAdded: () => void }> = ({ recordId, onAdded }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const addNotice = useNotice()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const t = (key: string) => translateComponent(`ClientShow.${key}`, CLIENT)

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setSending(true)
    setError(null)
    const data = new FormData()
    data.append('body', body)
    try {
      const res = await api.recordAction({ resourceId: CLIENT, recordId, actionName: 'addNote', data })
      const fieldError = (res.data.record?.errors?.body as { message?: string } | undefined)?.message
      if (fieldError) {
        setError(translateMessage(fieldError, CLIENT))
        return
      }
      const notice = res.data.notice
      if (notice) {
        addNotice({
          message: translateMessage(notice.message, CLIENT, notice.options),
          type: notice.type,
        })
      }
      if (notice?.type !== 'error') {
        setBody('')
        onAdded()
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <Box as="form" onSubmit={submit} mb="xl" data-testid="note-form" noValidate>
      <FormGroup error={Boolean(error)}>
        <Label htmlFor="client-note-body" required>
          {t('noteBody')}
        </Label>
        <TextArea
          id="client-note-body"
          name="body"
          rows={3}
          width={1}
          value={body}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setBody(e.target.value)}
        />
        <FormMessage>{error}</FormMessage>
      </FormGroup>
      <Button type="submit" variant="contained" size="sm" disabled={sending} data-testid="note-submit">
        <Icon icon={sending ? 'Loader' : 'MessageSquare'} spin={sending} />
        {t('addNote')}
      </Button>
    </Box>
  )
}

/**
 * The client's page: a header, then one tab at a time, the tab (and its page) kept in the URL
 * (`?tab=history&tabPage=2`) so a reload or a shared link opens the same one. The action
 * buttons sit in AdminJS's header above, as allowed for this record and role.
 */
const ClientShow: React.FC<ActionProps> = ({ record, action }) => {
  const { translateComponent, translateProperty, translateLabel, i18n } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const [notesVersion, setNotesVersion] = useState(0)
  const hostTabs = ((action.custom as { hostTabs?: HostTab[] } | undefined)?.hostTabs ?? []) as HostTab[]
  const keys = tabKeys(hostTabs)
  const state = readTabState(location.search, keys)
  if (!record) return null
  const language = i18n.language
  const recordId = String(record.id)
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, CLIENT, options)
  const go = (next: TabState) =>
    navigate({ pathname: location.pathname, search: tabSearch(location.search, next, keys) })
  const prop = (name: string, resourceId: string) => translateProperty(name, resourceId)
  const date =
    (key: string, withTime = true) =>
    (row: Record<string, unknown>) =>
      formatDate(row[key], language, withTime) ?? t('none')
  const money = (key: string) => (row: Record<string, unknown>) =>
    formatMoney(row[key], language) ?? t('none')
  const enumLabel = (key: string, resourceId: string) => (row: Record<string, unknown>) =>
    translateLabel(`${key}.${row[key]}`, resourceId)
  const linkTo = (resourceId: string, idKey: string, labelKey: string) => (row: Record<string, unknown>) =>
    row[idKey] ? (
      <Link href={showUrl(resourceId, row[idKey])}>{String(row[labelKey] ?? row[idKey])}</Link>
    ) : (
      t('none')
    )

  const table = (
    tab: string,
    rowResource: string,
    columns: Column[],
    footer?: (page: TabPage) => React.ReactNode,
    version = 0,
  ) => (
    <TabTable
      key={tab}
      recordId={recordId}
      tab={tab}
      page={state.page}
      version={version}
      columns={columns}
      rowResource={rowResource}
      empty={t(`empty.${hostTabs.some((h) => h.resourceId === tab) ? 'host' : tab}`)}
      onPage={(page) => go({ tab, page })}
      footer={footer}
    />
  )

  const content = (): React.ReactNode => {
    switch (state.tab) {
      case 'details':
        return <DetailsTab record={record} language={language} />
      case 'contracts':
        return table('contracts', 'Contract', [
          { key: 'reference', label: prop('reference', 'Contract') },
          { key: 'product', label: prop('product', 'Contract') },
          {
            key: 'advisor',
            label: prop('advisorId', 'Contract'),
            render: linkTo('Advisor', 'advisorId', 'advisor'),
          },
          { key: 'status', label: prop('status', 'Contract'), render: enumLabel('status', 'Contract') },
          { key: 'startDate', label: prop('startDate', 'Contract'), render: date('startDate', false) },
          { key: 'endDate', label: prop('endDate', 'Contract'), render: date('endDate', false) },
          { key: 'premium', label: prop('premium', 'Contract'), render: money('premium') },
        ])
      case 'commissions':
        return table(
          'commissions',
          'Commission',
          [
            { key: 'period', label: prop('period', 'Commission'), render: (r) => formatPeriod(r.period) },
            {
              key: 'contract',
              label: prop('contractId', 'Commission'),
              render: linkTo('Contract', 'contractId', 'contract'),
            },
            {
              key: 'advisor',
              label: prop('advisorId', 'Commission'),
              render: linkTo('Advisor', 'advisorId', 'advisor'),
            },
            { key: 'amount', label: prop('amount', 'Commission'), render: money('amount') },
            { key: 'status', label: prop('status', 'Commission'), render: enumLabel('status', 'Commission') },
          ],
          (page) => (
            <Text mt="default" fontWeight="bold" data-testid="commissions-total">
              {t('total', { total: formatMoney(page.sum ?? '0', language) })}
            </Text>
          ),
        )
      case 'advisors':
        return table('advisors', 'Advisor', [
          { key: 'code', label: prop('code', 'Advisor') },
          { key: 'name', label: prop('lastName', 'Advisor') },
          { key: 'email', label: prop('email', 'Advisor') },
          { key: 'phone', label: prop('phone', 'Advisor') },
          {
            key: 'referent',
            label: t('referent'),
            render: (r) =>
              `${r.referent ? t('referent') : t('ofContract')}${r.active === false ? ` (${t('inactive')})` : ''}`,
          },
        ])
      case 'emails':
        return table('emails', 'EmailLog', [
          { key: 'createdAt', label: prop('createdAt', 'EmailLog'), render: date('createdAt') },
          { key: 'subject', label: prop('subject', 'EmailLog') },
          { key: 'status', label: prop('status', 'EmailLog'), render: enumLabel('status', 'EmailLog') },
          { key: 'to', label: prop('to', 'EmailLog') },
          {
            key: 'body',
            label: prop('body', 'EmailLog'),
            render: (r) => <Link href={showUrl('EmailLog', r.id)}>{t('openBody')}</Link>,
          },
        ])
      case 'paymentMethods':
        return <PaymentMethodsTab recordId={recordId} />
      case 'history':
        return table('history', 'ClientEvent', [
          { key: 'createdAt', label: prop('createdAt', 'ClientEvent'), render: date('createdAt') },
          { key: 'type', label: prop('type', 'ClientEvent'), render: enumLabel('type', 'ClientEvent') },
          {
            key: 'actor',
            label: prop('actor', 'ClientEvent'),
            render: (r) => String(r.actor ?? translateLabel(`actorType.${r.actorType}`, 'ClientEvent')),
          },
          { key: 'ip', label: prop('ip', 'ClientEvent') },
          { key: 'reason', label: prop('reason', 'ClientEvent') },
          {
            key: 'changes',
            label: prop('changes', 'ClientEvent'),
            render: (r) =>
              ((r.changes as { field: string; from: unknown; to: unknown }[]) ?? []).map((c) => (
                <Text key={c.field} as="div">
                  {t('changes', {
                    field: translateProperty(c.field, CLIENT),
                    from: String(c.from ?? t('none')),
                    to: String(c.to ?? t('none')),
                  })}
                </Text>
              )),
          },
        ])
      case 'notes':
        return (
          <Box>
            {record.recordActions.some((a) => a.name === 'addNote') && (
              <NoteForm recordId={recordId} onAdded={() => setNotesVersion((n) => n + 1)} />
            )}
            {table(
              'notes',
              'ClientNote',
              [
                { key: 'createdAt', label: prop('createdAt', 'ClientNote'), render: date('createdAt') },
                { key: 'author', label: prop('author', 'ClientNote') },
                {
                  key: 'body',
                  label: prop('body', 'ClientNote'),
                  render: (r) => <span style={{ whiteSpace: 'pre-wrap' }}>{String(r.body)}</span>,
                },
              ],
              undefined,
              notesVersion,
            )}
          </Box>
        )
      default: {
        const host = hostTabs.find((h) => h.resourceId === state.tab)
        if (!host) return null
        return table(
          host.resourceId,
          host.resourceId,
          host.columns.map((column) => ({
            key: column,
            label: prop(column, host.resourceId),
            render: (row, page) => {
              const value = row[column]
              if (value === null || value === undefined || value === '') return t('none')
              if (page.enums?.includes(column)) return translateLabel(`${column}.${value}`, host.resourceId)
              return formatValue(value, language)
            },
          })),
        )
      }
    }
  }

  return (
    <Box data-testid="client-show">
      <ClientHeader record={record} language={language} />
      <Box flex role="tablist" mb="lg" style={{ flexWrap: 'wrap', gap: 4 }} data-testid="client-tabs">
        {keys.map((key) => {
          const host = hostTabs.find((h) => h.resourceId === key)
          const selected = key === state.tab
          return (
            <Button
              key={key}
              type="button"
              role="tab"
              aria-selected={selected}
              size="sm"
              variant={selected ? 'contained' : 'outlined'}
              data-testid={`client-tab-${key}`}
              onClick={() => go({ tab: key, page: 1 })}
            >
              {host ? translateLabel(host.resourceId, host.resourceId) : t(`tabs.${key}`)}
            </Button>
          )
        })}
      </Box>
      <Box variant="card" role="tabpanel" data-testid={`tab-panel-${state.tab}`}>
        {content()}
      </Box>
    </Box>
  )
}

export default ClientShow
