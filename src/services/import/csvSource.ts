import { parse } from 'csv-parse'
import { bytesOf, type CsvInput } from './byteSource.js'

export type CsvEncoding = 'utf-8' | 'windows-1252'

export interface CsvLayout {
  encoding: CsvEncoding
  delimiter: ',' | ';'
  headers: string[]
}

/** Longest record the parser holds (a quoted field may span lines): a bound on memory. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024

/** Why a file's lines are refused (message keys). */
export type LineProblem = 'importHeaderTooLong' | 'importLineTooLong'

export interface CsvRecord {
  /** Line of the file where the record starts (1 is the header line). */
  line: number
  values: string[]
}

/**
 * UTF-8 if the whole file decodes as UTF-8 (a BOM or not), else Windows-1252 (what French
 * spreadsheets save as "CSV"). Read in a stream: constant memory whatever the size.
 */
async function detectEncoding(input: CsvInput): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of bytesOf(input)) decoder.decode(chunk, { stream: true })
    decoder.decode()
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

/** The parser refused a record longer than MAX_RECORD_CHARS. */
export const isRecordTooLarge = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'CSV_MAX_RECORD_SIZE'

/** Only line breaks, spaces, tabs and a BOM's bytes from `start` to `end`. */
function blank(buffer: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const byte = buffer[i]
    if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf)
      return false
  }
  return true
}

/**
 * Checks line lengths in bytes before anything parses the file: the header (its first non-blank
 * line) and every other line. Stops at the first line too long, a chunk at a time (constant
 * memory, the event loop free between chunks), so a huge single line is refused at once.
 */
export async function checkLines(
  input: CsvInput,
  limits: { maxHeaderBytes: number; maxLineBytes: number },
): Promise<LineProblem | null> {
  let length = 0
  let lineBlank = true
  let headerSeen = false
  for await (const chunk of bytesOf(input)) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    for (let start = 0; start < buffer.length;) {
      const newline = buffer.indexOf(0x0a, start)
      const end = newline === -1 ? buffer.length : newline
      if (lineBlank && !headerSeen) lineBlank = blank(buffer, start, end)
      length += end - start
      if (!headerSeen && !lineBlank && length > limits.maxHeaderBytes) return 'importHeaderTooLong'
      if (length > limits.maxLineBytes) return 'importLineTooLong'
      if (newline === -1) break
      if (!lineBlank) headerSeen = true
      length = 0
      lineBlank = true
      start = newline + 1
    }
  }
  return null
}

/** Decoded text of a file, chunk by chunk. */
async function* decoded(input: CsvInput, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding)
  for await (const chunk of bytesOf(input)) yield decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

/** `;` when the header line has more semicolons than commas (outside quotes), else `,`. */
function delimiterOf(headerLine: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === ',') commas += 1
    else if (!quoted && ch === ';') semicolons += 1
  }
  return semicolons > commas ? ';' : ','
}

/** Encoding, delimiter and header names of a CSV file (its lines checked by `checkLines` first). */
export async function readLayout(input: CsvInput): Promise<CsvLayout> {
  const encoding = await detectEncoding(input)
  let head = ''
  for await (const text of decoded(input, encoding)) {
    head += text
    if (/\r?\n/.test(head.replace(/^\uFEFF/, '').trimStart()) || head.length > 65536) break
  }
  const firstLine =
    head
      .replace(/^\uFEFF/, '')
      .replace(/^(\s*\r?\n)+/, '')
      .split(/\r?\n/)[0] ?? ''
  const delimiter = delimiterOf(firstLine)
  const [header] = await collect(input, { encoding, delimiter, headers: [] }, 1, true)
  return { encoding, delimiter, headers: (header?.values ?? []).map((h) => h.trim()) }
}

async function collect(input: CsvInput, layout: CsvLayout, max: number, withHeader: boolean) {
  const out: CsvRecord[] = []
  for await (const record of records(input, layout, withHeader)) {
    out.push(record)
    if (out.length >= max) break
  }
  return out
}

/**
 * The data records of a CSV (a file or an upload), streamed (header line skipped unless `withHeader`): quotes,
 * doubled quotes and newlines inside quoted fields, a BOM, empty lines, `\r\n` or `\n`.
 */
export async function* records(
  input: CsvInput,
  layout: CsvLayout,
  withHeader = false,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: layout.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
  })
  // Waits for room in the parser, or for its end when the reader stops early (a `break`).
  const room = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        parser.off('drain', done)
        parser.off('close', done)
        resolve()
      }
      parser.once('drain', done)
      parser.once('close', done)
    })
  const feed = (async () => {
    try {
      for await (const text of decoded(input, layout.encoding)) {
        if (parser.destroyed) return
        if (!parser.write(text)) await room()
      }
      if (!parser.destroyed) parser.end()
    } catch (error) {
      parser.destroy(error as Error)
    }
  })()
  let first = true
  // csv-parse counts a `\r\n` inside a quoted field as two lines: take those back.
  let doubleCounted = 0
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // `info.lines` is the line where the record ends; a record spans as many lines as it has line breaks.
      let breaks = 0
      for (const value of item.record) {
        breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0
        doubleCounted += value.match(/\r\n/g)?.length ?? 0
      }
      if (first) {
        first = false
        if (!withHeader) continue
      }
      yield { line: item.info.lines - doubleCounted - breaks, values: item.record }
    }
  } finally {
    parser.destroy()
    await feed.catch(() => undefined)
  }
}
