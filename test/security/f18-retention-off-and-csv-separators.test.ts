// Issue 24, medium 4: retention could not be turned off once set (an empty value, null or "off"
// answered 500 `NOT NULL constraint failed: client_settings.value`). Low 5: a cell holding the
// other language's separator was written bare (`Dupont,=2+5` in the French export), so a
// spreadsheet splitting on `,` found a cell `=2+5…`.
import { parse } from 'csv-parse/sync'
import type { Agent } from 'supertest'
import { IsNull, Not } from 'typeorm'
import { Client, Setting, SettingsChange } from '../../src/index.js'
import { RETENTION_KEY } from '../../src/services/gdpr/retention.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

const RETENTION = '/admin/api/resources/Client/actions/retention'

/**
 * The cells of a CSV as a spreadsheet reads it with this separator: a field that starts with a
 * quote runs to its closing quote (doubled quotes kept as one), and whatever follows up to the
 * separator stays in the same cell; a line ends at a line break outside quotes.
 */
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

describeEachDatabase('retention can be turned off; CSV cells quoted for either separator', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const ds = () => database().dataSource
  const months = () => demo.clients.gdpr.retention.months()
  const history = () => ds().getRepository(SettingsChange).count()
  const lastChange = async () =>
    (
      await ds()
        .getRepository(SettingsChange)
        .find({ order: { id: 'DESC' }, take: 1 })
    )[0].changes

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  const saveForm = (value: string) =>
    admin.post(RETENTION).type('form').send({ op: 'save', retentionMonths: value })
  // What the panel sends (RetentionPanel.tsx): a FormData, the cleared field an empty string.
  const saveMultipart = (value: string) =>
    admin.post(RETENTION).field('op', 'save').field('retentionMonths', value)
  const saveJson = (value: unknown) =>
    admin.post(RETENTION).set('Content-Type', 'application/json').send({ op: 'save', retentionMonths: value })

  test('cleared, null or "off": retention is saved as off, in one history row, and a run says it is off', async () => {
    const offs: [string, () => ReturnType<typeof saveForm>][] = [
      ['the cleared field (multipart, as the panel)', () => saveMultipart('')],
      ['an empty form value', () => saveForm('')],
      ['null (JSON)', () => saveJson(null)],
      ['"off"', () => saveForm('off')],
    ]
    for (const [how, turnOff] of offs) {
      const on = await saveForm('24')
      expect([how, on.status, await months()]).toEqual([how, 200, 24])
      const before = await history()
      const off = await turnOff()
      expect([how, off.status]).toEqual([how, 200])
      expect(off.body.notice).toMatchObject({ message: 'retentionSaved', type: 'success' })
      expect(off.body.retention).toEqual({ months: null, dryRun: null })
      expect(await months()).toBeNull()
      const row = await ds().getRepository(Setting).findOneByOrFail({ key: RETENTION_KEY })
      expect(row).toMatchObject({ value: 'off', updatedBy: 'admin@example.com' })
      expect(await history()).toBe(before + 1)
      expect(await lastChange()).toEqual([{ field: 'retentionMonths', from: 24, to: null }])
      // Off again: nothing changes, nothing recorded.
      expect((await turnOff()).status).toBe(200)
      expect(await history()).toBe(before + 1)
    }
    const read = await admin.get(RETENTION)
    expect(read.status).toBe(200)
    expect(read.body.retention).toEqual({ months: null, dryRun: null })
    const anonymised = () =>
      ds()
        .getRepository(Client)
        .countBy({ anonymisedAt: Not(IsNull()) })
    const before = await anonymised()
    const run = await admin.post(RETENTION).type('form').send({ op: 'run' })
    expect(run.body.notice).toMatchObject({ message: 'retentionOff', type: 'error' })
    expect(await anonymised()).toBe(before)
  })

  test('a bad value is a field error on the months, nothing saved', async () => {
    expect((await saveForm('12')).status).toBe(200)
    const before = await history()
    const cases: [unknown, string][] = [
      ['abc', 'invalidWholeNumber'],
      ['-3', 'invalidWholeNumber'],
      ['1.5', 'invalidWholeNumber'],
      ['1e3', 'invalidWholeNumber'],
      [' ', 'invalidWholeNumber'],
      ['0', 'outOfRange'],
      ['601', 'outOfRange'],
      ['99999999', 'outOfRange'],
      ['9'.repeat(30), 'outOfRange'],
      ['9'.repeat(40), 'tooLong'],
    ]
    for (const [value, message] of cases) {
      for (const res of [await saveForm(value as string), await saveJson(value)]) {
        expect([value, res.status < 500, res.body.record?.errors?.retentionMonths?.message]).toEqual([
          value,
          true,
          message,
        ])
        expect(res.text).not.toMatch(/NOT NULL|SqliteError|ER_/)
      }
    }
    // Not one value: refused (400 before the service, or its field error), nothing saved either.
    for (const value of [['1', '2'], { a: 1 }, 24.5, true]) {
      const res = await saveJson(value)
      const refused =
        (res.status >= 400 && res.status < 500) || Boolean(res.body.record?.errors?.retentionMonths)
      expect([value, refused]).toEqual([value, true])
    }
    expect(await months()).toBe(12)
    expect(await history()).toBe(before)
  })

  test('exports in both languages quote a cell holding `;` or `,`: no cell of either split starts a formula', async () => {
    const email = 'separators@example.fr'
    const client = await ds()
      .getRepository(Client)
      .save(
        ds().getRepository(Client).create({
          lastName: 'Dupont,=2+5',
          firstName: 'Jean;=1+1',
          email,
          phone: '+33 6 12 34 56 78',
          status: 'active',
        }),
      )
    for (const [lang, separator] of [
      ['fr', ';'],
      ['en', ','],
    ] as const) {
      const res = await admin
        .post(`/admin/api/resources/Client/download/export?filters.q=${encodeURIComponent(email)}`)
        .type('form')
        .send({ lang })
        .buffer(true)
        .parse((stream, done) => {
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
        })
      expect(res.status).toBe(200)
      const text = (res.body as string).slice(1)
      expect(text).toContain(`"Dupont,'=2+5"`)
      expect(text).toContain(`"Jean;'=1+1"`)
      // Read in its own dialect: the values, neutralised where a formula could start.
      const [, row] = parse(text, { delimiter: separator }) as string[][]
      expect(row.slice(0, 5)).toEqual([
        client.clientNumber,
        `Dupont,'=2+5`,
        `Jean;'=1+1`,
        email,
        `'+33 6 12 34 56 78`,
      ])
      // Read with either separator, as a spreadsheet would: no cell is one of those formulas.
      for (const other of [';', ',']) {
        const cells = cellsAsRead(text, other)
        expect([lang, other, cells.filter((cell) => /^[=+@]/.test(cell))]).toEqual([lang, other, []])
      }
    }
  })
})
