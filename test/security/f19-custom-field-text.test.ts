// Issue 28: a custom field's labels and values are attacker-controlled text (an admin's, a
// client's, an import's). In the CSV export they are never a formula, in either language read
// with either separator; through the API they come back as the text typed, for React to escape.
import type { Agent } from 'supertest'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo } from '../support/demoAgent.js'

/** The cells of a CSV as a spreadsheet splitting on `separator` reads them (quotes honoured). */
function cellsAsRead(text: string, separator: string): string[] {
  const cells: string[] = []
  let i = 0
  while (i < text.length) {
    let cell = ''
    if (text[i] === '"') {
      i += 1
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        cell += text[i]
        i += text[i] === '"' ? 2 : 1
      }
      i += 1
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') cell += text[i++]
    cells.push(cell)
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
  }
  return cells
}

const HOSTILE_LABEL_FR = '=HYPERLINK("http://evil.example";"x")'
const HOSTILE_LABEL_EN = '<img src=x onerror=alert(1)>;@SUM(1),+2'
const HOSTILE_VALUE = '+1;=2,@3 <script>alert(1)</script>'

describeEachDatabase('a custom field’s label and values are hostile text', (database) => {
  let admin: Agent
  let clientId: number

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    const fields = [
      { key: 'hostile', type: 'shortText', labelFr: HOSTILE_LABEL_FR, labelEn: HOSTILE_LABEL_EN },
      {
        key: 'hostile_choice',
        type: 'choice',
        labelFr: '-1+1',
        labelEn: '@x',
        choices: 'evil | =1+1;=2 | -cmd,=3',
      },
    ]
    for (const field of fields) {
      const res = await admin.post('/admin/api/resources/CustomField/actions/new').type('form').send(field)
      expect(res.body.record?.errors ?? {}).toEqual({})
    }
    const created = await admin
      .post('/admin/api/resources/Client/actions/new')
      .type('form')
      .send({ lastName: 'Hostile', cf__hostile: HOSTILE_VALUE, cf__hostile_choice: 'evil' })
    expect(created.body.record?.errors ?? {}).toEqual({})
    clientId = Number(created.body.record.id)
  })

  test('the export writes labels and values as inert text, in both languages, read with either separator', async () => {
    for (const [lang, label, choice] of [
      ['fr', HOSTILE_LABEL_FR, '=1+1;=2'],
      ['en', HOSTILE_LABEL_EN, '-cmd,=3'],
    ] as const) {
      const res = await admin
        .post('/admin/api/resources/Client/download/export?filters.q=Hostile')
        .type('form')
        .send({ lang, columns: 'lastName,cf__hostile,cf__hostile_choice' })
        .buffer(true)
        .parse((stream, done) => {
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
        })
      expect(res.status).toBe(200)
      const text = (res.body as string).slice(1)
      // Each text neutralised at its start and after each separator inside it.
      const inert = (t: string) => {
        const inner = t.replace(/([,;])(?=[=+\-@])/g, "$1'")
        return /^[=+\-@]/.test(inner) ? `'${inner}` : inner
      }
      expect(text).toContain(`"${inert(label).replace(/"/g, '""')}"`)
      expect(text).toContain(`"${inert(HOSTILE_VALUE)}"`)
      expect(text).toContain(`"${inert(choice)}"`)
      for (const separator of [';', ',']) {
        const cells = cellsAsRead(text, separator)
        expect([lang, separator, cells.filter((cell) => /^[=+\-@]/.test(cell))]).toEqual([
          lang,
          separator,
          [],
        ])
      }
    }
  })

  test('the API gives the label and value back as the text typed (JSON, for the panel to escape)', async () => {
    const res = await admin.get(`/admin/api/resources/Client/records/${clientId}/customValues`)
    expect(res.status).toBe(200)
    const field = (res.body.fields as { key: string; labelFr: string; labelEn: string }[]).find(
      (f) => f.key === 'hostile',
    )
    expect(field).toMatchObject({ labelFr: HOSTILE_LABEL_FR, labelEn: HOSTILE_LABEL_EN })
    expect(res.body.values.hostile).toBe(HOSTILE_VALUE)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
  })
})
