import React from 'react'
import { Badge, ValueGroup } from '@adminjs/design-system'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { clientStatusStyle } from './clientStatusStyle.js'

/** The client's status as a colored, translated badge; the tooltip gives the suspension or ban reason. */
const ClientStatusBadge: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateLabel, translateComponent, translateProperty } = useTranslation()
  const status = record?.params?.[property.path] as string | undefined
  if (!status) return null
  const reason = record?.params?.statusReason as string | undefined
  const { bg, color } = clientStatusStyle(status)
  const badge = (
    <Badge
      bg={bg}
      color={color}
      title={reason ? translateComponent('ClientStatusBadge.reason', resource.id, { reason }) : undefined}
      data-status={status}
    >
      {translateLabel(`${property.path}.${status}`, resource.id)}
    </Badge>
  )
  if (where !== 'show') return badge
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{badge}</ValueGroup>
}

export default ClientStatusBadge
