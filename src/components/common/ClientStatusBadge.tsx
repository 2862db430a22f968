import React from 'react'
import { Badge, ValueGroup } from '@adminjs/design-system'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { clientStatusStyle } from './clientStatusStyle.js'
import { resourceId } from './resourceId.js'

/** A status as a colored, translated badge; the tooltip gives the suspension or ban reason. */
export const ClientStatusPill: React.FC<{ status: string; reason?: string | null }> = ({
  status,
  reason,
}) => {
  const { translateLabel, translateComponent } = useTranslation()
  const { bg, color } = clientStatusStyle(status)
  return (
    <Badge
      bg={bg}
      color={color}
      title={
        reason ? translateComponent('ClientStatusBadge.reason', resourceId('Client'), { reason }) : undefined
      }
      data-status={status}
    >
      {translateLabel(`status.${status}`, resourceId('Client'))}
    </Badge>
  )
}

/** The client's status in the list and on the page (AdminJS property component). */
const ClientStatusBadge: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateProperty } = useTranslation()
  const status = record?.params?.[property.path] as string | undefined
  if (!status) return null
  const badge = (
    <ClientStatusPill status={status} reason={record?.params?.statusReason as string | undefined} />
  )
  if (where !== 'show') return badge
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{badge}</ValueGroup>
}

export default ClientStatusBadge
