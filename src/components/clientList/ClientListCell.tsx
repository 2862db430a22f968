import React from 'react'
import type { BasePropertyProps } from 'adminjs'
import { usePanelFormat } from '../common/usePanelFormat.js'

const NO_WRAP: React.CSSProperties = { whiteSpace: 'nowrap' }

/**
 * The list's cells that must stay on one line: the number, the phone (formatted for the
 * client's country), the counts and dates; a long email is cut with an ellipsis, whole on hover.
 */
const ClientListCell: React.FC<BasePropertyProps> = ({ record, property }) => {
  const format = usePanelFormat()
  const params = record?.params ?? {}
  const raw = params[property.path]
  if (raw === null || raw === undefined || raw === '') return <span>—</span>
  switch (property.path) {
    case 'email':
      return (
        <span
          title={String(raw)}
          data-testid="email-cell"
          style={{
            ...NO_WRAP,
            display: 'inline-block',
            maxWidth: '24ch',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            verticalAlign: 'bottom',
          }}
        >
          {String(raw)}
        </span>
      )
    case 'phone':
      return (
        <span style={NO_WRAP} data-testid="phone-cell">
          {format.phone(raw, params.country)}
        </span>
      )
    case 'createdAt':
      return <span style={NO_WRAP}>{format.date(raw)}</span>
    case 'activeContracts':
      return <span style={NO_WRAP}>{format.count(Number(raw))}</span>
    default:
      return (
        <span style={NO_WRAP} data-testid={`${property.path}-cell`}>
          {String(raw)}
        </span>
      )
  }
}

export default ClientListCell
