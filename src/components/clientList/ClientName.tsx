import React from 'react'
import type { BasePropertyProps } from 'adminjs'

/** The list's name column: last name then first name, one cell (sorted by last name). */
const ClientName: React.FC<BasePropertyProps> = ({ record }) => {
  const { lastName, firstName } = (record?.params ?? {}) as Record<string, string | null | undefined>
  // Wide enough for a name, so the table never squeezes it to a letter per line.
  return (
    <span data-testid="client-name-cell" style={{ display: 'inline-block', minWidth: '14ch' }}>
      {[lastName, firstName].filter(Boolean).join(' ')}
    </span>
  )
}

export default ClientName
