import React from 'react'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { clientStatusStyle } from '../common/clientStatusStyle.js'
import { resourceId } from '../common/resourceId.js'

/**
 * The list's first column: the status as a colored dot (the legend above explains the colors),
 * named for screen readers, with the suspension or ban reason as its tooltip.
 */
const ClientStatusDot: React.FC<BasePropertyProps> = ({ record }) => {
  const { translateLabel, translateComponent } = useTranslation()
  const status = record?.params?.status as string | undefined
  if (!status) return null
  const reason = record?.params?.statusReason as string | undefined
  const label = translateComponent(
    reason ? 'ClientStatusDot.withReason' : 'ClientStatusDot.label',
    resourceId('Client'),
    {
      status: translateLabel(`status.${status}`, resourceId('Client')),
      reason,
    },
  )
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-status={status}
      data-testid="status-dot"
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: '50%',
        background: clientStatusStyle(status).bg,
        // The yellow needs an edge to stand out on white (WCAG 1.4.11, 3:1 for graphics).
        boxShadow: 'inset 0 0 0 1px rgba(0, 0, 0, 0.45)',
        verticalAlign: 'middle',
      }}
    />
  )
}

export default ClientStatusDot
