// The months of the dashboard's charts, as the panel's language names them.

/** `2026-03` as `mars 2026` (the charts' tables and tooltips). */
export const longMonth = (month: string, language: string) =>
  new Date(`${month}-01T00:00:00.000Z`).toLocaleDateString(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

/**
 * The axis' labels of consecutive months: the short month alone (`févr.`), with the year only on
 * the first month and on each January (`janv. 26`), so twelve labels fit a card without colliding.
 */
export function axisMonthLabels(months: string[], language: string): string[] {
  return months.map((month, i) =>
    new Date(`${month}-01T00:00:00.000Z`).toLocaleDateString(language, {
      month: 'short',
      ...(i === 0 || month.endsWith('-01') ? { year: '2-digit' as const } : {}),
      timeZone: 'UTC',
    }),
  )
}
