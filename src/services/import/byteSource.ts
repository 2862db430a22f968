import { createReadStream } from 'node:fs'

/** The bytes of a CSV, read from the start each time it is called: a file, or an upload in the database. */
export type ByteSource = () => AsyncIterable<Uint8Array>

/** A file's path (scripts, the parser's temp file) or a source of bytes (an upload in the database). */
export type CsvInput = string | ByteSource

/** The bytes of a file, 64 KB at a time. */
const fileBytes =
  (path: string): ByteSource =>
  () =>
    createReadStream(path, { highWaterMark: 64 * 1024 })

/** The bytes of a CSV input, from the start. */
export const bytesOf = (input: CsvInput): AsyncIterable<Uint8Array> =>
  typeof input === 'string' ? fileBytes(input)() : input()
