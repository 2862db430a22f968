import { parse } from 'csv-parse/sync'
import type { Agent } from 'supertest'
import { AdminAuditEntry, Client, ClientEvent, Commission, translations } from '../src/index.js'
import { ClientList } from '../src/services/list/clientList.js'
import { ClientTabs } from '../src/services/list/clientTabs.js'
import { COMMISSION_LIST, CONTRACT_LIST, RecordList } from '../src/services/list/recordList.js'
import { ListExport } from '../src/services/export/listExport.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

type Tree = Record<string, unknown>
const label = (lang: 'fr' | 'en', path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], translations[lang] as Tree) as string

const parseCsv = (text: string, delimiter: string): string[][] => {
  expect(text.startsWith('\uFEFF')).toBe(true)
  return parse(text.slice(1), { delimiter, relax_column_count: false }) as string[][]
}

describeEachDatabase('export what the list shows', (database) => {
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  const exportCsv = (resource: string, search: string, fields: Record<string, string> = {}) =>
    admin
      .post(`/admin/api/resources/${resource}/download/export?${search}`)
      .type('form')
      .send(fields)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
      })

  /** Every page of the panel's list for these parameters, as the API gives them. */
  const listAll = async (resource: string, search: string) => {
    const records: { params: Record<string, unknown> }[] = []
    for (let page = 1; page < 100; page += 1) {
      const res = await admin.get(
        `/admin/api/resources/${resource}/actions/list?${search}&perPage=37&page=${page}`,
      )
      expect(res.status).toBe(200)
      records.push(...res.body.records)
      if (records.length >= res.body.meta.total) break
    }
    return records
  }

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('clients, filtered and sorted, in French: the list’s rows in its order, Excel’s French dialect', async () => {
    const search = 'filters.status=active&sortBy=lastName&direction=asc'
    const res = await exportCsv('Client', search, { lang: 'fr' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="clients-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const [header, ...rows] = parseCsv(res.body as string, ';')
    expect(header).toEqual(
      [
        'clientNumber',
        'lastName',
        'firstName',
        'email',
        'phone',
        'activeContracts',
        'tags',
        'status',
        'createdAt',
      ].map((key) => label('fr', `resources.Client.properties.${key}`)),
    )
    const listed = await listAll('Client', search)
    expect(listed.length).toBeGreaterThan(37)
    expect(rows.map((r) => r[0])).toEqual(listed.map((r) => r.params.clientNumber))
    expect(rows.map((r) => r[5])).toEqual(listed.map((r) => String(r.params.activeContracts)))
    expect(new Set(rows.map((r) => r[7]))).toEqual(
      new Set([label('fr', 'resources.Client.labels.status.active')]),
    )
    for (const row of rows) expect(row[8]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })

  test('in English: `,`, a decimal point, English headers and statuses; the columns chosen, in their order', async () => {
    const res = await exportCsv('Client', 'filters.status=suspended', {
      lang: 'en',
      columns: 'status,clientNumber,balance',
    })
    expect(res.status).toBe(200)
    const [header, ...rows] = parseCsv(res.body as string, ',')
    expect(header).toEqual(
      ['Status', 'Client number', 'Balance'].map((_, i) =>
        label('en', `resources.Client.properties.${['status', 'clientNumber', 'balance'][i]}`),
      ),
    )
    const suspended = await ds()
      .getRepository(Client)
      .find({ where: { status: 'suspended' } })
    expect(rows.map((r) => r[1]).sort()).toEqual(suspended.map((c) => c.clientNumber).sort())
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['Suspended']))
    const byNumber = new Map(suspended.map((c) => [c.clientNumber, c.balance]))
    for (const row of rows) expect(row[2]).toBe(byNumber.get(row[1]))
  })

  test('commissions in French: decimal comma, the list’s filter and order, people and contracts named', async () => {
    const search = 'filters.status=paid&sortBy=amount&direction=desc'
    const res = await exportCsv('Commission', search, { lang: 'fr' })
    expect(res.status).toBe(200)
    const [, ...rows] = parseCsv(res.body as string, ';')
    const listed = await listAll('Commission', search)
    expect(rows).toHaveLength(listed.length)
    expect(rows.map((r) => r[4])).toEqual(listed.map((r) => String(r.params.amount).replace('.', ',')))
    const total =
      (
        await ds()
          .getRepository(Commission)
          .createQueryBuilder('m')
          .select('COALESCE(SUM(m.amount), 0)', 's')
          .where("m.status = 'paid'")
          .getRawOne<{ s: string | number }>()
      )?.s ?? 0
    const exported = rows.reduce((sum, r) => sum + Number(r[4].replace(',', '.')), 0)
    expect(exported.toFixed(2)).toBe(Number(total).toFixed(2))
    expect(rows.every((r) => r[6] === label('fr', 'resources.Commission.labels.status.paid'))).toBe(true)
    expect(rows.some((r) => /^C\w+ \S/.test(r[1]))).toBe(true)
  })

  test('cells a spreadsheet would run as a formula are neutralised', async () => {
    const client = await ds()
      .getRepository(Client)
      .save(
        ds().getRepository(Client).create({
          lastName: '=HYPERLINK("http://x")',
          firstName: '+1',
          email: 'formula@example.fr',
          phone: '-2',
          status: 'active',
        }),
      )
    const res = await exportCsv('Client', `filters.q=${encodeURIComponent('formula@example.fr')}`, {
      lang: 'en',
    })
    const [, row] = parseCsv(res.body as string, ',')
    expect(row.slice(0, 5)).toEqual([
      client.clientNumber,
      `'=HYPERLINK("http://x")`,
      `'+1`,
      'formula@example.fr',
      `'-2`,
    ])
  })

  test('a client’s history tab: every event, newest first', async () => {
    const event = await ds()
      .getRepository(ClientEvent)
      .findOneOrFail({ where: { type: 'suspended' }, order: { id: 'ASC' } })
    const res = await admin
      .post(`/admin/api/resources/Client/records/${event.clientId}/download/exportHistory`)
      .type('form')
      .send({ lang: 'en' })
    expect(res.status).toBe(200)
    const [header, ...rows] = parseCsv(res.text, ',')
    expect(header[0]).toBe(label('en', 'resources.ClientEvent.properties.createdAt'))
    const count = await ds()
      .getRepository(ClientEvent)
      .countBy({ clientId: event.clientId as number })
    expect(rows).toHaveLength(count)
    expect(rows.map((r) => r[1])).toContain('Suspended')
  })

  test('every export leaves an `exported` audit entry: who, which filters and columns, how many rows', async () => {
    const before = await ds().getRepository(AdminAuditEntry).count()
    const res = await exportCsv('Contract', 'filters.status=terminated', {
      lang: 'fr',
      columns: 'reference,status',
    })
    expect(res.status).toBe(200)
    const rows = parseCsv(res.body as string, ';').length - 1
    const [entry] = await ds()
      .getRepository(AdminAuditEntry)
      .find({ order: { id: 'DESC' }, take: 1 })
    expect(await ds().getRepository(AdminAuditEntry).count()).toBe(before + 1)
    expect(entry).toMatchObject({
      action: 'exported',
      actor: 'admin@example.com',
      resourceId: 'Contract',
      rowCount: rows,
    })
    expect(entry.details).toMatchObject({
      filters: { 'filters.status': 'terminated' },
      columns: ['reference', 'status'],
      completed: true,
    })
  })

  test('support may not export (403), and the button is not offered to it', async () => {
    for (const resource of ['Client', 'Contract', 'Commission']) {
      const res = await support.post(`/admin/api/resources/${resource}/download/export`).type('form').send({})
      expect([resource, res.status]).toEqual([resource, 403])
    }
    const client = await ds().getRepository(Client).findOneByOrFail({ status: 'active' })
    const history = await support.post(
      `/admin/api/resources/Client/records/${client.id}/download/exportHistory`,
    )
    expect(history.status).toBe(403)
    const list = await support.get('/admin/api/resources/Client/actions/list')
    expect(list.body.records[0].actionNames).not.toContain('exportHistory')
  })

  test('bad input: 400 with a notice, never a 500, nothing written', async () => {
    const before = await ds().getRepository(AdminAuditEntry).count()
    const cases: [string, string, Record<string, string>, string][] = [
      ['Client', '', { columns: 'lastName,passwordHash' }, 'exportUnknownColumn'],
      ['Client', 'filters.passwordHash=x', {}, 'exportUnknownFilter'],
      ['Client', 'filters.status=nope', {}, 'exportBadFilter'],
      ['Client', 'sortBy=passwordHash', {}, 'exportBadSort'],
      ['Contract', 'filters.premiumish=1', {}, 'exportUnknownFilter'],
      ['Commission', 'filters.period~~from=yesterday', {}, 'exportBadFilter'],
      ['Commission', '', { lang: 'de' }, 'exportBadLanguage'],
    ]
    for (const [resource, search, fields, message] of cases) {
      const res = await admin
        .post(`/admin/api/resources/${resource}/download/export?${search}`)
        .type('form')
        .send(fields)
      expect([resource, search, res.status, res.body.notice]).toEqual([
        resource,
        search,
        400,
        { message, type: 'error' },
      ])
    }
    expect(await ds().getRepository(AdminAuditEntry).count()).toBe(before)
    // An export that does not exist, a GET: not found, no 500.
    expect((await admin.post('/admin/api/resources/Advisor/download/export')).status).toBe(404)
    expect(
      (await admin.post('/admin/api/resources/Client/records/999999/download/exportHistory')).status,
    ).toBe(404)
  })

  test('streamed in keyset pages: never OFFSET, each page an index range after the last row', async () => {
    const lists = {
      clients: new ClientList(ds()),
      contracts: new RecordList(ds(), CONTRACT_LIST),
      commissions: new RecordList(ds(), COMMISSION_LIST),
      tabs: new ClientTabs(ds()),
    }
    const queries: string[] = []
    const logger = ds().logger
    Object.assign(ds(), {
      logger: {
        ...logger,
        logQuery: (query: string) => queries.push(query),
        logQueryError() {},
        logQuerySlow() {},
      },
    })
    let text = ''
    try {
      const exporter = new ListExport(ds(), lists, 'en', 7)
      const plan = await exporter.plan({
        resource: 'Client',
        params: { sortBy: 'firstName', direction: 'desc' },
        columns: 'clientNumber,firstName',
      })
      const rows = await exporter.run(plan, { email: 'test', ip: null }, async (chunk) => {
        text += chunk
      })
      expect(rows).toBeGreaterThan(100)
    } finally {
      Object.assign(ds(), { logger })
    }
    const pages = queries.filter((q) => /FROM .clients. .c./.test(q) && /LIMIT/i.test(q))
    expect(pages.length).toBeGreaterThan(14)
    expect(queries.filter((q) => /OFFSET/i.test(q) || /LIMIT \d+\s*,/i.test(q))).toEqual([])
    // The rows are the list's, in its order (first names may be empty: NULLs sort last descending).
    const listed = await listAll('Client', 'sortBy=firstName&direction=desc')
    const [, ...rows] = parseCsv(text, ',')
    expect(rows.map((r) => r[0])).toEqual(listed.map((r) => r.params.clientNumber))
  })

  /** Runs `body` with the data source's logger counting the export's page queries (on `clients`, with a LIMIT). */
  const countingPages = async <T>(body: (pages: () => number) => Promise<T>): Promise<T> => {
    let pages = 0
    const logger = ds().logger
    Object.assign(ds(), {
      logger: {
        ...logger,
        logQuery: (query: string) => {
          if (/FROM .clients. .c./.test(query) && /LIMIT/i.test(query)) pages += 1
        },
        logQueryError() {},
        logQuerySlow() {},
      },
    })
    try {
      return await body(() => pages)
    } finally {
      Object.assign(ds(), { logger })
    }
  }

  const exportLists = () => ({
    clients: new ClientList(ds()),
    contracts: new RecordList(ds(), CONTRACT_LIST),
    commissions: new RecordList(ds(), COMMISSION_LIST),
    tabs: new ClientTabs(ds()),
  })

  test('streamed: the first rows go out before the last page is read, and a slow writer holds the reading back (one page ahead at most)', async () => {
    const writes: { lines: number; readBefore: number; readAfter: number }[] = []
    const { rows, pagesRead } = await countingPages(async (pages) => {
      const exporter = new ListExport(ds(), exportLists(), 'en', 7)
      const plan = await exporter.plan({
        resource: 'Client',
        params: { sortBy: 'lastName', direction: 'asc' },
        columns: 'clientNumber,lastName',
      })
      const rows = await exporter.run(plan, { email: 'test', ip: null }, async (chunk) => {
        const readBefore = pages()
        // A full socket: the writer answers late.
        await new Promise((resolve) => setTimeout(resolve, 10))
        writes.push({ lines: chunk.split('\r\n').length - 1, readBefore, readAfter: pages() })
      })
      return { rows, pagesRead: pages() }
    })
    const [header, ...pageWrites] = writes
    expect(header).toEqual({ lines: 1, readBefore: 0, readAfter: expect.any(Number) })
    expect(pagesRead).toBeGreaterThan(14)
    expect(pageWrites.reduce((sum, w) => sum + w.lines, 0)).toBe(rows)
    // One write per page, never more than a page's rows: nothing accumulates.
    expect(pageWrites).toHaveLength(Math.ceil(rows / 7))
    expect(pageWrites.every((w) => w.lines >= 1 && w.lines <= 7)).toBe(true)
    // The first page is on its way out while at most the second is being read, not the last.
    expect(pageWrites[0].readBefore).toBeLessThanOrEqual(2)
    // While page i is written, pages i and i + 1 at most have been read: the writer's pace sets the reading's.
    expect(pageWrites.filter((w, i) => w.readAfter > i + 2)).toEqual([])
  })

  test("a page's tags and custom values are read beside the next page's query, and the page is written once they are in", async () => {
    const exporter = new ListExport(ds(), exportLists(), 'en', 7)
    const real = await exporter.plan({ resource: 'Client', params: {}, columns: 'clientNumber' })
    const events: string[] = []
    let finishFirst!: () => void
    const firstDone = new Promise<void>((resolve) => (finishFirst = resolve))
    // Two pages of one row; the first page's lookups (its `complete`) end when the test says so.
    const plan = {
      ...real,
      nextPage: async (cursor: unknown) => {
        const n = cursor ? 2 : 1
        events.push(`read ${n}`)
        const rows = [{ clientNumber: `C${n}` }]
        if (n === 2) return { rows, cursor: null }
        const complete = firstDone.then(() => {
          rows[0].clientNumber = 'C1 completed'
          events.push('complete 1')
        })
        return { rows, cursor: { after: 1 } as never, complete }
      },
    }
    const written: string[] = []
    const run = exporter.run(plan, { email: 'test', ip: null }, async (chunk) => {
      written.push(chunk)
      events.push('write')
    })
    // The second page is asked for while the first one's lookups are still running…
    for (let i = 0; i < 50 && !events.includes('read 2'); i += 1) await new Promise((r) => setImmediate(r))
    expect(events).toEqual(['write', 'read 1', 'read 2'])
    finishFirst()
    expect(await run).toBe(2)
    // …and the first page goes out only once they are in, with what they added.
    expect(events).toEqual(['write', 'read 1', 'read 2', 'complete 1', 'write', 'write'])
    expect(written[1]).toContain('C1 completed')
  })

  test('a download that breaks off: the export stops, no page is read after it returns, the audit says `completed: false`', async () => {
    const { failure, settledPages, laterPages } = await countingPages(async (pages) => {
      const exporter = new ListExport(ds(), exportLists(), 'en', 7)
      const plan = await exporter.plan({ resource: 'Client', params: {}, columns: 'clientNumber' })
      let writes = 0
      const failure = await exporter
        .run(plan, { email: 'broken@example.com', ip: null }, async () => {
          writes += 1
          // The header and two pages went out; the client is gone at the third page.
          if (writes === 4) throw new Error('the download was interrupted')
        })
        .then(
          () => null,
          (error: Error) => error.message,
        )
      const settledPages = pages()
      await new Promise((resolve) => setTimeout(resolve, 50))
      return { failure, settledPages, laterPages: pages() }
    })
    expect(failure).toBe('the download was interrupted')
    // The third page and the one read ahead of it, no further; none started after the export returned.
    expect(settledPages).toBeLessThanOrEqual(4)
    expect(laterPages).toBe(settledPages)
    const [entry] = await ds()
      .getRepository(AdminAuditEntry)
      .find({ order: { id: 'DESC' }, take: 1 })
    expect(entry).toMatchObject({ action: 'exported', actor: 'broken@example.com', rowCount: 14 })
    expect(entry.details).toMatchObject({ completed: false })
  })
})
