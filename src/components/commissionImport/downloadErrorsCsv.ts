import { neutralise } from '../../shared/csvCell.js'

/** The dry run's errors as CSV text: `;`-separated, every cell quoted and neutralised (a file line may hold a formula). */
export function errorsCsvText(header: [string, string], rows: [string, string][]): string {
  const quote = (text: string) => `"${neutralise(text).replace(/"/g, '""')}"`
  const lines = [header, ...rows].map((cells) => cells.map(quote).join(';'))
  // A BOM so that spreadsheets read the accents right.
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Saves the dry run's errors as a CSV named after the imported file. */
export function downloadErrorsCsv(fileName: string, header: [string, string], rows: [string, string][]) {
  const blob = new Blob([errorsCsvText(header, rows)], { type: 'text/csv;charset=utf-8' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = `${fileName}-errors.csv`
  link.click()
  URL.revokeObjectURL(link.href)
}
