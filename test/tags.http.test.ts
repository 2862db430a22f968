import type { Agent } from 'supertest'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { In, type DataSource } from 'typeorm'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Client, ClientEvent, ClientTag, Tag } from '../src/index.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { statementsOf } from './support/statements.js'

const bytes = (
  res: { on: (e: string, f: (c: Buffer) => void) => void },
  done: (e: null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

/** `count` clients of their own (numbers `prefix…`), by id. */
async function makeClients(dataSource: DataSource, prefix: string, count: number): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    clientNumber: `${prefix}${String(i).padStart(4, '0')}`,
    lastName: `Tagged${prefix}`,
    status: 'active' as const,
  }))
  await dataSource.createQueryBuilder().insert().into(Client).values(rows).execute()
  const made = await dataSource.getRepository(Client).find({
    select: { id: true },
    where: { clientNumber: In(rows.map((r) => r.clientNumber)) },
    order: { id: 'ASC' },
  })
  return made.map((c) => c.id)
}

describeEachDatabase('tags: catalog, client tags, list, export, archive, roles', (database) => {
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource
  const tagsOf = async (clientId: number) =>
    (
      await ds()
        .getRepository(ClientTag)
        .find({ where: { clientId }, relations: { tag: true } })
    )
      .map((l) => l.tag!.name)
      .sort()
  const tagEvents = (ids: number[]) =>
    ds()
      .getRepository(ClientEvent)
      .find({ where: { clientId: In(ids), type: 'tags_changed' }, order: { id: 'ASC' } })
  const newTag = (agent: Agent, fields: Record<string, string>) =>
    agent.post('/admin/api/resources/Tag/actions/new').type('form').send(fields)
  const listIds = async (query: string) => {
    const res = await clientApi(admin).list(`?perPage=500&${query}`)
    expect(res.status).toBe(200)
    return (res.body.records as { id: string }[]).map((r) => Number(r.id)).sort((a, b) => a - b)
  }

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('an admin creates a tag; a name taken whatever its case, too long, or a bad colour is a field error', async () => {
    const res = await newTag(admin, { name: '  VIP  ', colour: 'red' })
    expect(res.status).toBe(200)
    expect(await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'vip' })).toMatchObject({
      name: 'VIP',
      colour: 'red',
      createdBy: 'admin@example.com',
    })
    const cases: [Record<string, string>, string, string][] = [
      [{ name: 'vip', colour: 'blue' }, 'name', 'tagNameTaken'],
      // The form's column check answers first (the service would say tagNameTooLong).
      [{ name: 'x'.repeat(41) }, 'name', 'tooLong'],
      // The form's choice check answers first (the service would say tagColourInvalid).
      [{ name: 'Fine', colour: 'chartreuse' }, 'colour', 'invalidChoice'],
      [{ name: 'a,b' }, 'name', 'tagNameInvalid'],
    ]
    for (const [fields, field, message] of cases) {
      const bad = await newTag(admin, fields)
      expect([fields, bad.status]).toEqual([fields, 200])
      expect([fields, bad.body.record?.errors?.[field]?.message]).toEqual([fields, message])
    }
    expect(
      await ds()
        .getRepository(Tag)
        .countBy({ nameKey: In(['fine', 'a,b']) }),
    ).toBe(0)
  })

  test('support may list the tags but not create, edit or delete one (403)', async () => {
    const tag = await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'vip' })
    expect((await support.get('/admin/api/resources/Tag/actions/list')).status).toBe(200)
    expect((await newTag(support, { name: 'Support' })).status).toBe(403)
    const edit = await support
      .post(`/admin/api/resources/Tag/records/${tag.id}/edit`)
      .type('form')
      .send({ name: 'Changed' })
    expect(edit.status).toBe(403)
    expect((await support.post(`/admin/api/resources/Tag/records/${tag.id}/delete`)).status).toBe(403)
    const [client] = await makeClients(ds(), 'SUP', 1)
    expect((await clientApi(support).record('addTags', client, { tags: 'VIP' })).status).toBe(403)
    expect((await clientApi(support).bulk('bulkAddTags', [client], { tags: 'VIP' })).status).toBe(403)
    expect(await tagsOf(client)).toEqual([])
    expect(await ds().getRepository(Tag).countBy({ nameKey: 'support' })).toBe(0)
    // Support sees the client's tags on its page.
    expect((await clientApi(support).show('clientTags', client)).body.tags).toEqual([])
  })

  test('one client: add (a new name creates the tag), remove; one tags_changed event each time', async () => {
    const [client] = await makeClients(ds(), 'ONE', 1)
    const added = await clientApi(admin).record('addTags', client, { tags: 'vip, Relance' })
    expect(added.body.notice).toMatchObject({ type: 'success', message: 'tagsAdded' })
    expect(await tagsOf(client)).toEqual(['Relance', 'VIP'])
    const removed = await clientApi(admin).record('removeTags', client, { tags: 'VIP' })
    expect(removed.body.notice).toMatchObject({ type: 'success', message: 'tagsRemoved' })
    expect(await tagsOf(client)).toEqual(['Relance'])
    const events = await tagEvents([client])
    expect(events.map((e) => e.data)).toEqual([
      { added: ['Relance', 'VIP'], removed: [] },
      { added: [], removed: ['VIP'] },
    ])
    expect(events[0]).toMatchObject({ actor: 'admin@example.com', actorType: 'admin' })
    const page = await clientApi(admin).show('clientTags', client)
    expect(page.body.tags).toEqual([expect.objectContaining({ name: 'Relance', colour: 'grey' })])
  })

  test('bad input on a client: an unknown tag to remove, a too long name, control characters → field errors, nothing written', async () => {
    const [client] = await makeClients(ds(), 'BAD', 1)
    const before = await ds().getRepository(Tag).count()
    for (const [tags, message] of [
      ['No such tag', 'unknownTag'],
      ['y'.repeat(41), 'tagNameTooLong'],
    ] as const) {
      const action = message === 'unknownTag' ? 'removeTags' : 'addTags'
      const res = await clientApi(admin).record(action, client, { tags })
      expect([tags, res.status < 500, res.body.record?.errors?.tags?.message]).toEqual([tags, true, message])
    }
    const control = await clientApi(admin).record('addTags', client, { tags: 'a\u0007b' })
    expect(control.status).toBeLessThan(500)
    expect(control.body.record?.errors?.tags?.message).toBe('invalidCharacters')
    const array = await clientApi(admin).record('addTags', client, { tags: ['a', 'b'] as unknown as string })
    expect(array.status).toBe(400)
    expect(await ds().getRepository(Tag).count()).toBe(before)
    expect(await tagEvents([client])).toEqual([])
  })

  test('bulk: one event per client touched, none for one that had the tag; the same statements for 5 as for 60', async () => {
    const few = await makeClients(ds(), 'BKA', 5)
    const many = await makeClients(ds(), 'BKB', 60)
    await clientApi(admin).record('addTags', few[0], { tags: 'Bulk' })
    // The tags exist before the count: creating one costs two statements, once.
    await newTag(admin, { name: 'Second' })
    const fewCost = await statementsOf(ds(), () =>
      clientApi(admin).bulk('bulkAddTags', few, { tags: 'Bulk, Second' }),
    )
    const manyCost = await statementsOf(ds(), () =>
      clientApi(admin).bulk('bulkAddTags', many, { tags: 'Bulk, Second' }),
    )
    expect(manyCost).toBe(fewCost)
    expect(await tagsOf(many[59])).toEqual(['Bulk', 'Second'])
    const events = await tagEvents(few)
    // few[0]: its own add, then only "Second".
    expect(events.filter((e) => e.clientId === few[0]).map((e) => e.data)).toEqual([
      { added: ['Bulk'], removed: [] },
      { added: ['Second'], removed: [] },
    ])
    expect((await tagEvents(many)).length).toBe(60)

    const removeFew = await statementsOf(ds(), () =>
      clientApi(admin).bulk('bulkRemoveTags', few, { tags: 'Second' }),
    )
    const removeMany = await statementsOf(ds(), () =>
      clientApi(admin).bulk('bulkRemoveTags', many, { tags: 'Second' }),
    )
    expect(removeMany).toBe(removeFew)
    expect(await tagsOf(many[0])).toEqual(['Bulk'])
    expect((await tagEvents(many)).length).toBe(120)
    // An id that is not there is reported, the rest done.
    const res = await clientApi(admin).bulk('bulkAddTags', [few[1], 99999999], { tags: 'Second' })
    expect(res.body.notice).toMatchObject({
      message: 'bulkChangedSomeSkipped',
      options: { count: 1, skipped: 1 },
    })
  })

  test('the list: chips for the page in one query; filter any / all / none; bad filter values ignored, never a 500', async () => {
    const [a, b, c] = await makeClients(ds(), 'FLT', 3)
    await clientApi(admin).record('addTags', a, { tags: 'Red, Blue' })
    await clientApi(admin).record('addTags', b, { tags: 'Red' })
    const red = (await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'red' })).id
    const blue = (await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'blue' })).id
    const mine = (ids: number[]) => ids.filter((id) => [a, b, c].includes(id))
    expect(mine(await listIds(`filters.tags=${red},${blue}`))).toEqual([a, b])
    expect(mine(await listIds(`filters.tags=${red},${blue}&filters.tagMode=all`))).toEqual([a])
    expect(mine(await listIds(`filters.tags=${red}&filters.tagMode=none`))).toEqual([c])
    for (const bad of ['1;DROP', 'abc', '1,,2', `${red}&filters.tagMode=most`, '-1', '9'.repeat(12)]) {
      const res = await clientApi(admin).list(`?filters.tags=${bad}`)
      expect([bad, res.status]).toEqual([bad, 200])
    }
    // A bad mode is the default (any), a bad id list no filter.
    expect(mine(await listIds(`filters.tags=${blue}&filters.tagMode=most`))).toEqual([a])
    expect(mine(await listIds(`filters.tags=abc`))).toEqual([a, b, c])

    const res = await clientApi(admin).list(`?perPage=500&filters.tags=${red}`)
    const row = (res.body.records as { id: string; params: Record<string, unknown> }[]).find(
      (r) => Number(r.id) === a,
    )
    expect(row?.params.tags).toEqual([
      expect.objectContaining({ name: 'Blue' }),
      expect.objectContaining({ name: 'Red' }),
    ])
    // The page's tags are one query, whatever the page's size (the advisors' populate may vary).
    const tagQueries = async (perPage: number) => {
      const logger = ds().logger
      const original = logger.logQuery.bind(logger)
      const seen: string[] = []
      logger.logQuery = (query, parameters, runner) => {
        seen.push(query)
        return original(query, parameters, runner)
      }
      try {
        const page = await clientApi(admin).list(`?perPage=${perPage}`)
        expect(page.body.records).toHaveLength(perPage)
      } finally {
        logger.logQuery = original
      }
      return seen.filter((q) => /client_tags/.test(q)).length
    }
    expect(await tagQueries(2)).toBe(1)
    expect(await tagQueries(100)).toBe(1)
  })

  test('export: a Tags column; a formula-like name is written as text; a bad tag filter is refused', async () => {
    const [client] = await makeClients(ds(), 'EXP', 1)
    await clientApi(admin).record('addTags', client, { tags: '=HYPERLINK("x"), Gold' })
    const gold = (await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'gold' })).id
    const res = await admin
      .post(`/admin/api/resources/Client/download/export?filters.tags=${gold}`)
      .type('form')
      .send({ columns: 'clientNumber,tags' })
      .buffer(true)
      .parse(bytes)
    expect(res.status).toBe(200)
    const text = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')
    const rows = parse(text, { delimiter: [',', ';'] }) as string[][]
    expect(['Tags', 'Étiquettes']).toContain(rows[0][1])
    const line = rows.find((r) => r[0] === 'EXP0000')
    expect(line?.[1]).toMatch(/^'=HYPERLINK\("x"\), Gold$|^Gold, '=HYPERLINK\("x"\)$/)
    expect(line?.[1].startsWith('=')).toBe(false)
    const bad = await admin
      .post('/admin/api/resources/Client/download/export?filters.tags=zz')
      .type('form')
      .send({})
    expect(bad.status).toBeLessThan(500)
  })

  test('archive: tags.json; deleting a tag removes its links, the history keeps its name; removal for good takes the links', async () => {
    const [client] = await makeClients(ds(), 'ARC', 1)
    await clientApi(admin).record('addTags', client, { tags: 'Archived' })
    const res = await admin
      .post(`/admin/api/resources/Client/records/${client}/download/gdprArchive`)
      .buffer(true)
      .parse(bytes)
    const files = unzipSync(new Uint8Array(res.body as Buffer))
    expect(JSON.parse(strFromU8(files['tags.json']))).toEqual([
      { name: 'Archived', taggedAt: expect.any(String) },
    ])

    const tag = await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'archived' })
    const del = await admin.post(`/admin/api/resources/Tag/records/${tag.id}/delete`)
    expect(del.status).toBe(200)
    expect(await ds().getRepository(Tag).countBy({ id: tag.id })).toBe(0)
    expect(await tagsOf(client)).toEqual([])
    expect((await tagEvents([client])).map((e) => e.data)).toEqual([
      { added: ['Archived'], removed: [] },
      { added: [], removed: ['Archived'] },
    ])

    await clientApi(admin).record('addTags', client, { tags: 'Gone' })
    await ds().getRepository(Client).delete({ id: client })
    expect(await ds().getRepository(ClientTag).countBy({ clientId: client })).toBe(0)
  })

  test('the commission import: a Tags column tags the clients it creates (new names created); a bad cell is a row error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tags-import-'))
    try {
      const file = path.join(dir, 'statement.csv')
      await writeFile(
        file,
        [
          'N° client;Nom;Contrat;Produit;Période;Montant;Étiquettes',
          'IMPTAG1;Importé;K-IMPTAG-1;PER;2026-02;10,00;vip | Statement',
          `IMPTAG2;Refusé;K-IMPTAG-2;PER;2026-02;11,00;${'z'.repeat(41)}`,
        ].join('\n') + '\n',
      )
      // An existing tag is matched whatever the case of the cell: `vip` is the tag `VIP`.
      if ((await ds().getRepository(Tag).countBy({ nameKey: 'vip' })) === 0)
        await newTag(admin, { name: 'VIP' })
      const mapping = proposeMapping((await readLayout(file)).headers)
      expect(mapping.tags).toBe(6)
      const importer = new CommissionImport(ds())
      const batch = await importer.start(
        { email: 'admin@example.com', ip: '127.0.0.1' },
        file,
        'statement.csv',
        mapping,
      )
      const done = await importer.finished(batch.id)
      expect(done).toMatchObject({ status: 'done', rowsImported: 1, rowsFailed: 1 })
      expect(done.errors).toEqual([expect.objectContaining({ line: 3, errors: ['importBadTags'] })])
      const created = await ds().getRepository(Client).findOneByOrFail({ clientNumber: 'IMPTAG1' })
      expect(await tagsOf(created.id)).toEqual(['Statement', 'VIP'])
      const imported = await ds()
        .getRepository(ClientEvent)
        .findOneByOrFail({ clientId: created.id, type: 'imported' })
      expect(imported.data).toMatchObject({ tags: ['vip', 'Statement'] })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
