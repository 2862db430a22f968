import { records, type CsvLayout } from './csvSource.js'
import { readRow, type ImportMapping, type ParsedRow } from './importRows.js'

/** Rows planned and written together: one transaction and a fixed number of queries each. */
export const IMPORT_CHUNK = 2000

/** The file's rows, read in a stream and parsed with the mapping, IMPORT_CHUNK at a time. */
export async function* readChunks(
  path: string,
  layout: CsvLayout,
  mapping: ImportMapping,
): AsyncGenerator<ParsedRow[]> {
  let chunk: ParsedRow[] = []
  for await (const record of records(path, layout)) {
    chunk.push(readRow(record.line, record.values, mapping))
    if (chunk.length >= IMPORT_CHUNK) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}
