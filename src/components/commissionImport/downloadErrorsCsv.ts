/** Saves the dry run's errors as a CSV (`;`-separated, quoted) named after the imported file. */
export function downloadErrorsCsv(fileName: string, header: [string, string], rows: [string, string][]) {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`
  const lines = [header, ...rows].map((cells) => cells.map(quote).join(';'))
  // A BOM so that spreadsheets read the accents right.
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = `${fileName}-errors.csv`
  link.click()
  URL.revokeObjectURL(link.href)
}
