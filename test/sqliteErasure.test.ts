import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Client, ClientNote } from '../src/index.js'
import { ClientGdpr } from '../src/services/gdpr/clientGdpr.js'
import { createTestDatabase, type TestDatabase } from './support/databases.js'

// Issue 24 (High, last point): on SQLite the old values stayed in the WAL and in free pages.
// SQLite only by nature: MariaDB's side is the README's binlogs and backups.
describe('an anonymisation on SQLite leaves nothing in the file nor the WAL', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
  })
  afterAll(() => db?.dispose())

  test('secure_delete is on, and the WAL is emptied into the file once the anonymisation commits', async () => {
    const { dataSource } = db
    const marker = `Walmarker${Date.now()}`
    const clients = dataSource.getRepository(Client)
    const client = await clients.save(
      clients.create({
        lastName: marker,
        firstName: `${marker}first`,
        email: `${marker.toLowerCase()}@example.test`,
        status: 'active',
      }),
    )
    await dataSource
      .getRepository(ClientNote)
      .save({ clientId: client.id, author: 'admin', body: `${marker} note` })
    const file = path.join(db.dataDir, 'demo.sqlite')
    const holds = async (name: string) => (await readFile(name)).toString('latin1').includes(marker)
    // Written: in the WAL (or the file) before.
    expect((await holds(file)) || (await holds(`${file}-wal`))).toBe(true)

    await new ClientGdpr(dataSource, 'fr').anonymise(
      { email: 'admin@example.com', ip: null, type: 'admin' },
      client.id,
      { confirmation: client.clientNumber },
    )
    expect((await stat(`${file}-wal`)).size).toBe(0)
    expect(await holds(file)).toBe(false)
    expect(await dataSource.query('PRAGMA secure_delete')).toEqual([{ secure_delete: 1 }])
  })
})
