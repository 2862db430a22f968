import { strToU8, zipSync } from 'fflate'
import { displayFileName } from './fileNames.js'
import { detectKind } from './fileType.js'

const kindOf = (bytes: Uint8Array) =>
  detectKind(async (at, length) => bytes.subarray(at, at + length), bytes.length)

describe('detectKind', () => {
  test.each([
    ['PDF', strToU8('%PDF-1.7\n'), 'pdf'],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg'],
    ['GIF', strToU8('GIF89a\u0001\u0000'), 'gif'],
    ['WebP', strToU8('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'webp'],
    ['UTF-8 text', strToU8('Nom;Prénom\nDupont;Zoé\n'), 'text'],
    [
      'DOCX',
      zipSync({ '[Content_Types].xml': strToU8('<T/>'), 'word/document.xml': strToU8('<d/>') }),
      'docx',
    ],
    ['XLSX', zipSync({ '[Content_Types].xml': strToU8('<T/>'), 'xl/workbook.xml': strToU8('<w/>') }), 'xlsx'],
    [
      'ODT',
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': strToU8('<c/>'),
      }),
      'odt',
    ],
    ['a plain zip', zipSync({ 'a.txt': strToU8('a') }), null],
    ['a zip whose directory lies', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]), null],
    ['an ELF binary', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), null],
    ['text with a NUL', strToU8('abc\u0000def'), null],
    ['Latin-1 bytes (not UTF-8)', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), null],
    ['nothing', new Uint8Array(0), null],
  ])('%s', async (_what, bytes, kind) => {
    expect(await kindOf(bytes)).toBe(kind)
  })
})

describe('displayFileName', () => {
  test.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\zoé\\relevé.pdf', 'relevé.pdf'],
    ['  espace.pdf  ', 'espace.pdf'],
    ['a\u0000.png', null],
    ['evil\u202egnp.exe', null],
    ['..', null],
    ['dir/', null],
    [42, null],
  ])('%j → %j', (given, shown) => {
    expect(displayFileName(given)).toBe(shown)
  })

  test('a long name is cut, its extension kept', () => {
    const shown = displayFileName(`${'x'.repeat(300)}.docx`)
    expect(shown).toHaveLength(200)
    expect(shown?.endsWith('.docx')).toBe(true)
  })
})
