import React from 'react'
import { Badge } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
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
