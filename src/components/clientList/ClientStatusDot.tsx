import React from 'react'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { ANONYMISED, ANONYMISED_STYLE, clientStatusStyle } from '../common/clientStatusStyle.js'
import { resourceId } from '../common/resourceId.js'
import { ReasonTip } from '../common/ReasonTip.js'

/**
 * The list's first column: the status as a colored dot, a ring when pending (the legend above
 * explains colors and shapes), named for screen readers, with the suspension or ban reason in
 * a tooltip that a hover, the keyboard or a tap opens (common/ReasonTip.tsx).
 */
const ClientStatusDot: React.FC<BasePropertyProps> = ({ record }) => {
  const { translateLabel, translateComponent } = useTranslation()
  const status = record?.params?.status as string | undefined
  if (!status) return null
  // An anonymised client is named so, grey, whatever status it kept (as its badge on the page).
  if (record?.params?.anonymisedAt) {
    const anonymised = translateComponent('ClientStatusBadge.anonymised', resourceId('Client'))
    return (
      <StatusMark
        status={ANONYMISED}
        label={translateComponent('ClientStatusDot.label', resourceId('Client'), { status: anonymised })}
      />
    )
  }
  const reason = record?.params?.statusReason as string | undefined
  const label = translateComponent(
    reason ? 'ClientStatusDot.withReason' : 'ClientStatusDot.label',
    resourceId('Client'),
    {
      status: translateLabel(`status.${status}`, resourceId('Client')),
      reason,
    },
  )
  const tip = reason ? translateComponent('ClientStatusBadge.reason', resourceId('Client'), { reason }) : null
  return (
    <ReasonTip text={tip}>
      <StatusMark status={status} label={label} />
    </ReasonTip>
  )
}

/**
 * The status's mark: a filled dot, but a ring for `pending` (pending and suspended share their
 * yellow: the shape tells them apart, for whoever does not see the color either).
 */
export const StatusMark: React.FC<{ status: string; label?: string }> = ({ status, label }) => {
  const { bg } = status === ANONYMISED ? ANONYMISED_STYLE : clientStatusStyle(status)
  const ring = status === 'pending'
  return (
    <span
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-status={status}
      data-shape={ring ? 'ring' : 'dot'}
      data-testid={label ? 'status-dot' : 'status-mark'}
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: '50%',
        background: bg,
        // The yellow needs an edge to stand out on white (WCAG 1.4.11, 3:1 for graphics); a ring
        // is the same yellow with a white center.
        boxShadow: ring
          ? `inset 0 0 0 1px rgba(0, 0, 0, 0.45), inset 0 0 0 3px ${bg}, inset 0 0 0 6px #FFFFFF`
          : 'inset 0 0 0 1px rgba(0, 0, 0, 0.45)',
        verticalAlign: 'middle',
      }}
    />
  )
}

export default ClientStatusDot
