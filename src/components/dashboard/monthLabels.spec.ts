import { axisMonthLabels, longMonth } from './monthLabels.js'

describe('the dashboard charts’ month labels', () => {
  const months = ['2025-11', '2025-12', '2026-01', '2026-02']

  test('the year only on the first month and on January', () => {
    expect(axisMonthLabels(months, 'en')).toEqual(['Nov 25', 'Dec', 'Jan 26', 'Feb'])
    expect(axisMonthLabels(months, 'fr')).toEqual(['nov. 25', 'déc.', 'janv. 26', 'févr.'])
  })

  test('twelve labels stay short (no year on ten of them)', () => {
    const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
    const labels = axisMonthLabels(year, 'fr')
    expect(labels.filter((l) => /\d/.test(l))).toEqual(['janv. 26'])
    expect(Math.max(...labels.slice(1).map((l) => l.length))).toBeLessThanOrEqual(5)
  })

  test('the long form for tables and tooltips', () => {
    expect(longMonth('2026-03', 'fr')).toBe('mars 2026')
    expect(longMonth('2026-03', 'en')).toBe('March 2026')
  })
})
