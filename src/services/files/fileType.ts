import { open } from 'node:fs/promises'

/** A type the plugin accepts, as detected from the bytes, with the extensions that may carry it. */
export interface KnownType {
  mime: string
  extensions: readonly string[]
}

const TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  text: { mime: 'text/plain', extensions: ['txt', 'csv'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
} as const satisfies Record<string, KnownType>

export type FileKind = keyof typeof TYPES

/** The extensions accepted, for the file picker's `accept` and the README. */

const HEAD_BYTES = 64 * 1024
// The end of a zip: its directory's record (22 bytes) after at most a 64 KiB comment.
const ZIP_TAIL_BYTES = 22 + 0xffff
const MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024
const ODT_MIME = 'application/vnd.oasis.opendocument.text'

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b)
const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0))

/** Plain text: UTF-8 (a character cut at the end of the sample is fine) without NUL or other binary controls. */
function isText(head: Uint8Array): boolean {
  // eslint-disable-next-line no-control-regex -- binary control characters are what it looks for
  const binary = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, cutUtf8(head)))
    return !binary.test(text)
  } catch {
    return false
  }
}

/** The length of `bytes` without a UTF-8 sequence cut by the sample's end. */
function cutUtf8(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const b = bytes[bytes.length - back]
    if ((b & 0xc0) === 0x80) continue
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > back ? bytes.length - back : bytes.length
  }
  return bytes.length
}

/** The names in a zip's central directory (read from its end, never decompressed), or null. */
async function zipNames(read: (at: number, length: number) => Promise<Uint8Array>, size: number) {
  const tailStart = Math.max(0, size - ZIP_TAIL_BYTES)
  const tail = await read(tailStart, size - tailStart)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (view.getUint32(i, true) !== 0x06054b50) continue
    const dirSize = view.getUint32(i + 12, true)
    const dirStart = view.getUint32(i + 16, true)
    if (dirSize > MAX_ZIP_DIRECTORY_BYTES || dirStart + dirSize > size) return null
    const dir = await read(dirStart, dirSize)
    const d = new DataView(dir.buffer, dir.byteOffset, dir.byteLength)
    const names: string[] = []
    for (let at = 0; at + 46 <= dir.length && d.getUint32(at, true) === 0x02014b50;) {
      const nameLength = d.getUint16(at + 28, true)
      names.push(new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength)))
      at += 46 + nameLength + d.getUint16(at + 30, true) + d.getUint16(at + 32, true)
    }
    return names
  }
  return null
}

/** Which office document a zip is, by its entries (an ODT names its type in a first, stored `mimetype` entry). */
async function officeKind(
  head: Uint8Array,
  read: (at: number, length: number) => Promise<Uint8Array>,
  size: number,
): Promise<FileKind | null> {
  if (ascii(head, 30, 'mimetype') && ascii(head, 38 + head[28] + head[29] * 256, ODT_MIME)) return 'odt'
  const names = await zipNames(read, size)
  if (!names) return null
  if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return 'docx'
  if (names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml')) return 'xlsx'
  return null
}

/**
 * What a file is, from its first bytes (and a zip's directory): one of the accepted kinds, or null.
 * `read(at, length)` reads the file; nothing is decompressed, so a zip bomb costs nothing here.
 */
export async function detectKind(
  read: (at: number, length: number) => Promise<Uint8Array>,
  size: number,
): Promise<FileKind | null> {
  if (size === 0) return null
  const head = await read(0, Math.min(size, HEAD_BYTES))
  if (ascii(head, 0, '%PDF-')) return 'pdf'
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (startsWith(head, 0xff, 0xd8, 0xff)) return 'jpeg'
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'gif'
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp'
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return officeKind(head, read, size)
  return isText(head) ? 'text' : null
}

/** The extension of a display name, lower case ('' when none). */
export const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1].toLowerCase() ?? ''

/**
 * The file's accepted type, or null: the kind read from its bytes must be one the name's extension
 * may carry (a PHP script named `photo.png` is text, not a PNG: refused).
 */
export async function acceptedType(filePath: string, name: string): Promise<KnownType | null> {
  const handle = await open(filePath, 'r')
  try {
    const { size } = await handle.stat()
    const read = async (at: number, length: number) => {
      const buffer = new Uint8Array(length)
      const { bytesRead } = await handle.read(buffer, 0, length, at)
      return buffer.subarray(0, bytesRead)
    }
    const kind = await detectKind(read, size)
    if (!kind) return null
    const type: KnownType = TYPES[kind]
    const extension = extensionOf(name)
    if (!type.extensions.includes(extension)) return null
    return extension === 'csv' ? { ...type, mime: 'text/csv' } : type
  } finally {
    await handle.close()
  }
}
