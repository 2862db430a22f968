import React from 'react'
import type { BasePropertyProps } from 'adminjs'

/** The list's name column: last name then first name, one cell (sorted by last name). */
const ClientName: React.FC<BasePropertyProps> = ({ record }) => {
  const { lastName, firstName } = (record?.params ?? {}) as Record<string, string | null | undefined>
  return <span data-testid="client-name-cell">{[lastName, firstName].filter(Boolean).join(' ')}</span>
}

export default ClientName
