import React from 'react'
import { Badge } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { ANONYMISED, ANONYMISED_STYLE, clientStatusStyle } from './clientStatusStyle.js'
import { resourceId } from './resourceId.js'
import { ReasonTip } from './ReasonTip.js'

/**
 * A status as a colored, translated badge; its tooltip (hover, keyboard or tap) gives the suspension or ban reason. An
 * anonymised client shows "Anonymised" rather than the status it was left in.
 */
export const ClientStatusPill: React.FC<{ status: string; reason?: string | null; anonymised?: boolean }> = ({
  status,
  reason,
  anonymised = false,
}) => {
  const { translateLabel, translateComponent } = useTranslation()
  const { bg, color } = anonymised ? ANONYMISED_STYLE : clientStatusStyle(status)
  return (
    <ReasonTip
      text={
        reason && !anonymised
          ? translateComponent('ClientStatusBadge.reason', resourceId('Client'), { reason })
          : null
      }
    >
      <Badge bg={bg} color={color} data-status={anonymised ? ANONYMISED : status}>
        {anonymised
          ? translateComponent('ClientStatusBadge.anonymised', resourceId('Client'))
          : translateLabel(`status.${status}`, resourceId('Client'))}
      </Badge>
    </ReasonTip>
  )
}
