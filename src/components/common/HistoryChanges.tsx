import React from 'react'
import { Text, ValueGroup } from '@adminjs/design-system'
import { flat, useTranslation, type BasePropertyProps } from 'adminjs'
import { SECRET_CHANGE_FIELDS, changeValueKind, readChangeField } from '../../shared/historyChange.js'
import { resourceId } from './resourceId.js'
import { usePanelFormat } from './usePanelFormat.js'

export interface HistoryChange {
  field: string
  from: unknown
  to: unknown
}

/**
 * A history entry's changes, one line each, as people read them: "Statut : Actif → Suspendu",
 * dates and money formatted, a password "modifié" (never its mask), a contract's field named
 * "Contrat n° 110, Statut". Used by the client page's History tab and the entry's own page.
 */
export const ChangeLines: React.FC<{ changes: HistoryChange[] | null | undefined }> = ({ changes }) => {
  const { translateComponent, translateProperty, translateLabel } = useTranslation()
  const format = usePanelFormat()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, resourceId('Client'), options)
  return (
    <>
      {(changes ?? []).map((c) => {
        const field = readChangeField(c.field)
        const of = resourceId(field.resource)
        const name = translateProperty(field.property, of)
        const label = field.contractId ? t('contractField', { id: field.contractId, field: name }) : name
        if (SECRET_CHANGE_FIELDS.has(field.property)) {
          return (
            <Text key={c.field} as="div">
              {t('secretChanged', { field: label })}
            </Text>
          )
        }
        const value = (v: unknown): string => {
          switch (changeValueKind(field.property, v)) {
            case 'none':
              return t('none')
            case 'label':
              return translateLabel(`${field.property}.${String(v)}`, of)
            case 'money':
              return format.money(v) ?? t('none')
            case 'date':
              return format.date(v, false) ?? t('none')
            case 'dateTime':
              return format.date(v) ?? t('none')
            case 'boolean':
              return translateComponent(v ? 'FormattedValue.yes' : 'FormattedValue.no', of)
            default:
              return String(v)
          }
        }
        return (
          <Text key={c.field} as="div">
            {t('changes', { field: label, from: value(c.from), to: value(c.to) })}
          </Text>
        )
      })}
    </>
  )
}

/** The `changes` of a history entry on its page (AdminJS property component; its params come flattened). */
const HistoryChanges: React.FC<BasePropertyProps> = ({ record, property, resource }) => {
  const { translateProperty } = useTranslation()
  const changes = (flat.unflatten(record?.params ?? {}) as { changes?: HistoryChange[] | null }).changes
  return (
    <ValueGroup label={translateProperty(property.label, resource.id)}>
      <ChangeLines changes={changes} />
    </ValueGroup>
  )
}

export default HistoryChanges
