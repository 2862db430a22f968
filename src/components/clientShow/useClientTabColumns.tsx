import React from 'react'
import { Link, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { formatDate, formatPeriod, formatValue, type HostTab } from '../../shared/clientPageTabs.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { recordShowUrl } from './recordShowUrl.js'
import type { TabColumn } from './TabTable.js'
import { useClientShowText } from './useClientShowText.js'

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
  ]
  const commissions: TabColumn[] = [
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
  ]
  const advisors: TabColumn[] = [
    { key: 'code', label: prop('code', 'Advisor') },
    { key: 'name', label: prop('lastName', 'Advisor') },
    { key: 'email', label: prop('email', 'Advisor') },
    {
      key: 'phone',
      label: prop('phone', 'Advisor'),
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
    { key: 'createdAt', label: prop('createdAt', 'EmailLog'), render: date('createdAt') },
    { key: 'subject', label: prop('subject', 'EmailLog') },
    { key: 'status', label: prop('status', 'EmailLog'), render: enumLabel('status', 'EmailLog') },
    { key: 'to', label: prop('to', 'EmailLog') },
    {
      key: 'body',
      label: prop('body', 'EmailLog'),
      render: (r) => <Link href={recordShowUrl('EmailLog', r.id)}>{t('openBody')}</Link>,
    },
  ]
  const history: TabColumn[] = [
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
              field: translateProperty(c.field, 'Client'),
              from: String(c.from ?? t('none')),
              to: String(c.to ?? t('none')),
            })}
          </Text>
        )),
    },
  ]
  const notes: TabColumn[] = [
    { key: 'createdAt', label: prop('createdAt', 'ClientNote'), render: date('createdAt') },
    { key: 'author', label: prop('author', 'ClientNote') },
    {
      key: 'body',
      label: prop('body', 'ClientNote'),
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
