import React from 'react'
import { ValueGroup } from '@adminjs/design-system'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { ClientStatusPill } from './ClientStatusPill.js'

/** The client's status in the list and on the page (AdminJS property component). */
const ClientStatusBadge: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateProperty } = useTranslation()
  const status = record?.params?.[property.path] as string | undefined
  if (!status) return null
  const badge = (
    <ClientStatusPill
      status={status}
      reason={record?.params?.statusReason as string | undefined}
      anonymised={Boolean(record?.params?.anonymisedAt)}
    />
  )
  if (where !== 'show') return badge
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{badge}</ValueGroup>
}

export default ClientStatusBadge
