import type { CsvInput } from './byteSource.js'
import { records, type CsvLayout } from './csvSource.js'
import { readRow, type ImportMapping, type ParsedRow } from './importRows.js'

/** Rows planned and written together: one transaction and a fixed number of queries each. */
const IMPORT_CHUNK = 2000

/**
 * The file's rows, read in a stream and parsed with the mapping, IMPORT_CHUNK at a time. `skip`
 * rows are read past first: a resumed import starts after its last committed chunk.
 */
export async function* readChunks(
  input: CsvInput,
  layout: CsvLayout,
  mapping: ImportMapping,
  skip = 0,
): AsyncGenerator<ParsedRow[]> {
  let chunk: ParsedRow[] = []
  let seen = 0
  for await (const record of records(input, layout)) {
    seen += 1
    if (seen <= skip) continue
    chunk.push(readRow(record.line, record.values, mapping))
    if (chunk.length >= IMPORT_CHUNK) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}
