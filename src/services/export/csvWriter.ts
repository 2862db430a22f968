import type { Language } from '../../shared/language.js'

import type { ExportCellKind } from '../../shared/exportColumns.js'
import { neutralise } from '../../shared/csvCell.js'

export type CellKind = ExportCellKind

/** Excel's CSV in each language: French Excel splits on `;` and reads `12,50`. */
const CSV_DIALECTS: Record<Language, { separator: string; decimalComma: boolean }> = {
  fr: { separator: ';', decimalComma: true },
  en: { separator: ',', decimalComma: false },
}

// Either dialect's separator, a quote or a line break.
const QUOTED = /[,;"\r\n]/

/** Excel needs it to read UTF-8 (without it, é becomes Ã©). */
export const BOM = '\uFEFF'

// Formula cells made inert: the rule is shared with the browser's CSV downloads.
export { neutralise }

const pad = (n: number) => String(n).padStart(2, '0')

/** A database date or datetime (a Date, or SQLite's `2026-03-01 10:00:00` text, both UTC) in ISO 8601. */
export function isoValue(value: unknown, kind: 'date' | 'datetime'): string {
  if (value === null || value === undefined || value === '') return ''
  let date: Date
  if (value instanceof Date) date = value
  else {
    const text = String(value)
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text
    date = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`)
  }
  if (Number.isNaN(date.getTime())) return String(value)
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  if (kind === 'date') return day
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`
}

/**
 * Writes rows as CSV for one language: the separator and decimal mark of that language's Excel,
 * fields quoted when they hold either language's separator (a French decimal comma too), a quote
 * or a line break; formula cells neutralised.
 */
export class CsvWriter {
  readonly separator: string
  private readonly decimalComma: boolean

  constructor(language: Language) {
    ;({ separator: this.separator, decimalComma: this.decimalComma } = CSV_DIALECTS[language])
  }

  /**
   * Quoted when it holds a separator of either dialect, not only this one's: a French file opened
   * by a tool that splits on `,` must not find a new cell (`=2+5…`) inside `Dupont,=2+5`.
   */
  private quote(text: string): string {
    return QUOTED.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }

  /** One cell. Numbers are never neutralised (a negative amount stays a number); text always is. */
  cell(value: unknown, kind: CellKind): string {
    if (value === null || value === undefined) return ''
    switch (kind) {
      case 'number':
      case 'decimal': {
        const text = String(value).trim()
        if (!/^-?\d+(\.\d+)?$/.test(text)) return this.quote(neutralise(text))
        const fixed = kind === 'decimal' && typeof value === 'number' ? value.toFixed(2) : text
        // `"12,50"` in French: Excel and LibreOffice still read a number; a `,` splitter, one cell.
        return this.decimalComma ? this.quote(fixed.replace('.', ',')) : fixed
      }
      case 'date':
      case 'datetime':
        return isoValue(value, kind)
      case 'boolean':
        return value === true || value === 1 || value === '1' ? '1' : '0'
      default:
        return this.quote(neutralise(String(value)))
    }
  }

  /** A line of already written cells, ended by CRLF (RFC 4180, what Excel writes). */
  line(cells: string[]): string {
    return `${cells.join(this.separator)}\r\n`
  }

  /** A header line: texts, neutralised and quoted like any text. */
  header(labels: string[]): string {
    return this.line(labels.map((label) => this.cell(label, 'text')))
  }
}
