import React from 'react'
import { Link } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { formatDate, formatPeriod, formatValue, type HostTab } from '../../shared/clientPageTabs.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { recordActionUrl, recordShowUrl } from './recordShowUrl.js'
import type { TabColumn } from './TabTable.js'
import { useClientShowText } from './useClientShowText.js'
import { resourceId } from '../common/resourceId.js'
import { ChangeLines, type HistoryChange } from '../common/HistoryChanges.js'

type Row = Record<string, unknown>

/** The columns of each data tab, headed by the resources' translated property names. */
export function useClientTabColumns(language: string) {
  const { translateProperty, translateLabel } = useTranslation()
  const t = useClientShowText()
  const format = usePanelFormat()
  const prop = (name: string, resourceId: string) => translateProperty(name, resourceId)
  const date =
    (key: string, withTime = true) =>
    (row: Row) =>
      formatDate(row[key], language, withTime) ?? t('none')
  const money = (key: string) => (row: Row) => format.money(row[key]) ?? t('none')
  const enumLabel = (key: string, resourceId: string) => (row: Row) =>
    translateLabel(`${key}.${row[key]}`, resourceId)
  const linkTo = (resourceId: string, idKey: string, labelKey: string) => (row: Row) =>
    row[idKey] ? (
      <Link href={recordShowUrl(resourceId, row[idKey])}>{String(row[labelKey] ?? row[idKey])}</Link>
    ) : (
      t('none')
    )

  const contracts: TabColumn[] = [
    { key: 'reference', label: prop('reference', resourceId('Contract')) },
    { key: 'product', label: prop('product', resourceId('Contract')) },
    {
      key: 'advisor',
      label: prop('advisorId', resourceId('Contract')),
      render: linkTo(resourceId('Advisor'), 'advisorId', 'advisor'),
    },
    {
      key: 'status',
      label: prop('status', resourceId('Contract')),
      render: enumLabel('status', resourceId('Contract')),
    },
    { key: 'startDate', label: prop('startDate', resourceId('Contract')), render: date('startDate', false) },
    { key: 'endDate', label: prop('endDate', resourceId('Contract')), render: date('endDate', false) },
    { key: 'premium', label: prop('premium', resourceId('Contract')), render: money('premium') },
  ]
  const commissions: TabColumn[] = [
    { key: 'period', label: prop('period', resourceId('Commission')), render: (r) => formatPeriod(r.period) },
    {
      key: 'contract',
      label: prop('contractId', resourceId('Commission')),
      render: linkTo(resourceId('Contract'), 'contractId', 'contract'),
    },
    {
      key: 'advisor',
      label: prop('advisorId', resourceId('Commission')),
      render: linkTo(resourceId('Advisor'), 'advisorId', 'advisor'),
    },
    { key: 'amount', label: prop('amount', resourceId('Commission')), render: money('amount') },
    {
      key: 'status',
      label: prop('status', resourceId('Commission')),
      render: enumLabel('status', resourceId('Commission')),
    },
  ]
  const advisors: TabColumn[] = [
    { key: 'code', label: prop('code', resourceId('Advisor')) },
    { key: 'name', label: prop('lastName', resourceId('Advisor')) },
    { key: 'email', label: prop('email', resourceId('Advisor')) },
    {
      key: 'phone',
      label: prop('phone', resourceId('Advisor')),
      render: (r) => format.phone(r.phone, null) ?? t('none'),
    },
    {
      key: 'referent',
      label: t('referent'),
      render: (r) =>
        `${r.referent ? t('referent') : t('ofContract')}${r.active === false ? ` (${t('inactive')})` : ''}`,
    },
  ]
  const emails: TabColumn[] = [
    { key: 'createdAt', label: prop('createdAt', resourceId('EmailLog')), render: date('createdAt') },
    { key: 'subject', label: prop('subject', resourceId('EmailLog')) },
    {
      key: 'status',
      label: prop('status', resourceId('EmailLog')),
      render: enumLabel('status', resourceId('EmailLog')),
    },
    { key: 'attempts', label: prop('attempts', resourceId('EmailLog')) },
    {
      key: 'nextAttemptAt',
      label: prop('nextAttemptAt', resourceId('EmailLog')),
      render: date('nextAttemptAt'),
    },
    { key: 'to', label: prop('to', resourceId('EmailLog')) },
    {
      key: 'body',
      label: prop('body', resourceId('EmailLog')),
      render: (r) =>
        r.status === 'failed' ? (
          // A failed email opens on its "send again" confirmation (a POST action).
          <Link
            href={recordActionUrl(resourceId('EmailLog'), r.id, 'resendEmail')}
            title={String(r.error ?? '')}
          >
            {t('resendEmail')}
          </Link>
        ) : (
          <Link href={recordShowUrl(resourceId('EmailLog'), r.id)}>{t('openBody')}</Link>
        ),
    },
  ]
  const history: TabColumn[] = [
    { key: 'createdAt', label: prop('createdAt', resourceId('ClientEvent')), render: date('createdAt') },
    {
      key: 'type',
      label: prop('type', resourceId('ClientEvent')),
      render: enumLabel('type', resourceId('ClientEvent')),
    },
    {
      key: 'actor',
      label: prop('actor', resourceId('ClientEvent')),
      render: (r) => String(r.actor ?? translateLabel(`actorType.${r.actorType}`, resourceId('ClientEvent'))),
    },
    { key: 'ip', label: prop('ip', resourceId('ClientEvent')) },
    { key: 'reason', label: prop('reason', resourceId('ClientEvent')) },
    {
      key: 'changes',
      label: prop('changes', resourceId('ClientEvent')),
      // Labels, dates and money as people read them; a secret only said to have changed.
      render: (r) => <ChangeLines changes={r.changes as HistoryChange[] | null} />,
    },
  ]
  const notes: TabColumn[] = [
    { key: 'createdAt', label: prop('createdAt', resourceId('ClientNote')), render: date('createdAt') },
    { key: 'author', label: prop('author', resourceId('ClientNote')) },
    {
      key: 'body',
      label: prop('body', resourceId('ClientNote')),
      render: (r) => <span style={{ whiteSpace: 'pre-wrap' }}>{String(r.body)}</span>,
    },
  ]
  // A host resource's tab shows its configured columns; enum values come back translated.
  const host = (tab: HostTab): TabColumn[] =>
    tab.columns.map((column) => ({
      key: column,
      label: prop(column, tab.resourceId),
      render: (row, page) => {
        const value = row[column]
        if (value === null || value === undefined || value === '') return t('none')
        if (page.enums?.includes(column)) return translateLabel(`${column}.${value}`, tab.resourceId)
        return formatValue(value, language)
      },
    }))

  return { contracts, commissions, advisors, emails, history, notes, host }
}
