import { readFileSync } from 'node:fs'
import { DataSource } from 'typeorm'
import { clientManagementEntities, NOT_PERSONAL, PLUGIN_ERASURE_MAP } from '../src/index.js'
import { resolveErasureMap } from '../src/services/gdpr/erasureMap.js'
import { Ticket } from '../demo/entities/Ticket.js'

// Every column type that can hold a text: a new one of these must be in the map or said not personal.
const TEXT_TYPES: unknown[] = [
  'varchar',
  'nvarchar',
  'char',
  'text',
  'tinytext',
  'mediumtext',
  'longtext',
  'simple-json',
  'simple-array',
  'json',
  'blob',
  'mediumblob',
  'longblob',
  String,
]

describe('the erasure map', () => {
  let dataSource: DataSource
  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: clientManagementEntities,
    })
    await dataSource.initialize()
  })
  afterAll(() => dataSource.destroy())

  test('every text column of every plugin entity is in the map or listed as not personal', () => {
    const map = resolveErasureMap(dataSource)
    const missing: string[] = []
    for (const metadata of dataSource.entityMetadatas) {
      const entry = map.find((e) => e.table === metadata.tableName)
      for (const column of metadata.columns) {
        if (!TEXT_TYPES.includes(column.type)) continue
        const inMap = entry && (entry.deleteLinked || column.propertyName in entry.columns)
        const said = NOT_PERSONAL[metadata.tableName]?.[column.propertyName]
        if (!inMap && !said) missing.push(`${metadata.tableName}.${column.propertyName}`)
      }
    }
    expect(missing).toEqual([])
  })

  test('the not-personal list names real columns, each with a reason, none also in the map', () => {
    const map = resolveErasureMap(dataSource)
    for (const [table, columns] of Object.entries(NOT_PERSONAL)) {
      const metadata = dataSource.entityMetadatas.find((m) => m.tableName === table)
      expect([table, metadata !== undefined]).toEqual([table, true])
      for (const [property, why] of Object.entries(columns)) {
        expect([table, property, metadata?.findColumnWithPropertyName(property) !== undefined]).toEqual([
          table,
          property,
          true,
        ])
        expect(why.length).toBeGreaterThan(3)
        const entry = map.find((e) => e.table === table)
        expect([table, property, Boolean(entry && property in entry.columns)]).toEqual([
          table,
          property,
          false,
        ])
      }
    }
  })

  test('a host entry naming a column its entity lacks is refused, naming it', async () => {
    const host = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [...clientManagementEntities, Ticket],
    })
    await host.initialize()
    try {
      expect(
        resolveErasureMap(host, [
          { entity: Ticket, clientColumn: 'clientId', columns: { subject: { linked: 'redact' } } },
        ]),
      ).toHaveLength(PLUGIN_ERASURE_MAP.length + 1)
      expect(() =>
        resolveErasureMap(host, [
          { entity: Ticket, clientColumn: 'clientId', columns: { body: { linked: 'redact' } } },
        ]),
      ).toThrow('demo_tickets has no column body')
    } finally {
      await host.destroy()
    }
  })

  test("the README's GDPR section lists the map, table by table and column by column", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const start = readme.indexOf('<!-- erasure-map -->')
    const end = readme.indexOf('<!-- /erasure-map -->')
    expect(start).toBeGreaterThan(0)
    const rows = readme
      .slice(start, end)
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/`/g, '')),
      )
    const map = resolveErasureMap(dataSource)
    const expected = map.flatMap((entry) =>
      entry.deleteLinked
        ? [[entry.table, '*', 'deleted', '—']]
        : Object.entries(entry.columns).map(([column, how]) => [
            entry.table,
            column,
            how.linked ?? '—',
            how.byValue ? 'scrubbed' : '—',
          ]),
    )
    expect(rows).toEqual(expected)
  })
})
