import React from 'react'
import { Box, H3, Text } from '@adminjs/design-system'

/** Hidden from sight, read by screen readers (the chart itself is hidden from them). */
const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
}

/**
 * A chart in a card: its title, the drawing (or an empty state), and the same numbers as a
 * table that only screen readers read, so no number lives in the picture alone.
 */
const ChartFigure: React.FC<{
  id: string
  title: string
  empty: string | null
  headers: [string, string]
  rows: [string, string][]
  children: React.ReactNode
}> = ({ id, title, empty, headers, rows, children }) => (
  <Box
    as="figure"
    variant="card"
    m="0"
    aria-labelledby={`${id}-title`}
    data-testid={`chart-${id}`}
    style={{ flex: '1 1 320px', minWidth: 0, position: 'relative' }}
  >
    <H3 id={`${id}-title`}>{title}</H3>
    {empty ? (
      <Text data-testid={`chart-${id}-empty`}>{empty}</Text>
    ) : (
      <div aria-hidden="true" style={{ width: '100%', height: 240 }}>
        {children}
      </div>
    )}
    <table style={VISUALLY_HIDDEN} data-testid={`chart-${id}-table`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{headers[0]}</th>
          <th scope="col">{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </Box>
)

export default ChartFigure
