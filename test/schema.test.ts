import { Advisor, Client, ClientEvent, ClientToken, Commission, Contract, EmailLog } from '../src/index.js'
import {
  createTestDatabase,
  describeEachDatabase,
  requireMysqlInCi,
  type TestDatabase,
} from './support/databases.js'

requireMysqlInCi()

if (process.env.MYSQL_URL) {
  describe('migrations on MySQL/MariaDB', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('mysql', { schema: false })
    })
    afterAll(() => db?.dispose())

    test('an empty database migrated has exactly the schema of the entities', async () => {
      const ran = await db.dataSource.runMigrations({ transaction: 'each' })
      expect(ran.map((m) => m.name)).toEqual([
        expect.stringMatching(/^InitialSchema\d+$/),
        expect.stringMatching(/^DemoSchema\d+$/),
        expect.stringMatching(/^ClientSearch\d+$/),
        expect.stringMatching(/^CommissionImport\d+$/),
        expect.stringMatching(/^ClientMerge\d+$/),
        expect.stringMatching(/^DemoHostResources\d+$/),
        expect.stringMatching(/^AccountSecurity\d+$/),
        expect.stringMatching(/^RateLimits\d+$/),
        expect.stringMatching(/^DropLoginThrottleColumns\d+$/),
        expect.stringMatching(/^EmailOutbox\d+$/),
        expect.stringMatching(/^ImportJobs\d+$/),
        expect.stringMatching(/^ExportAndGdpr\d+$/),
        expect.stringMatching(/^ImportIdentityDecisions\d+$/),
        expect.stringMatching(/^Impersonation\d+$/),
        expect.stringMatching(/^EmailTemplates\d+$/),
        expect.stringMatching(/^ClientAdvisors\d+$/),
        expect.stringMatching(/^ClientSessions\d+$/),
        expect.stringMatching(/^AdminSessions\d+$/),
        expect.stringMatching(/^ClientFiles\d+$/),
        expect.stringMatching(/^ClientTags\d+$/),
        expect.stringMatching(/^ClientContactSearch\d+$/),
        expect.stringMatching(/^CustomFields\d+$/),
        expect.stringMatching(/^SavedViews\d+$/),
        expect.stringMatching(/^MarketingConsent\d+$/),
        expect.stringMatching(/^Campaigns\d+$/),
        expect.stringMatching(/^CustomValueUnique\d+$/),
        expect.stringMatching(/^CampaignSendPace\d+$/),
      ])
      const pending = await db.dataSource.driver.createSchemaBuilder().log()
      expect(pending.upQueries.map((q) => q.query)).toEqual([])
      expect(await db.dataSource.showMigrations()).toBe(false)
    })

    test('indexes exist for what lists sort and filter by', async () => {
      const rows: { Table: string; Column_name: string; Seq_in_index: number }[] = await db.dataSource.query(
        `SELECT TABLE_NAME AS \`Table\`, COLUMN_NAME AS Column_name, SEQ_IN_INDEX AS Seq_in_index
           FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()`,
      )
      const leading = new Set(
        rows.filter((r) => Number(r.Seq_in_index) === 1).map((r) => `${r.Table}.${r.Column_name}`),
      )
      for (const column of [
        'clients.status',
        'clients.lastName',
        'clients.email',
        'clients.clientNumber',
        'clients.advisorId',
        'clients.createdAt',
        'contracts.clientId',
        'contracts.advisorId',
        'commissions.clientId',
        'commissions.advisorId',
        'commissions.contractId',
        'client_events.clientId',
        'email_logs.clientId',
        'email_logs.status',
        'client_notes.clientId',
        'client_files.clientId',
        'clients.searchName',
        'clients.searchNameReversed',
        'clients.searchNameTail',
        'client_tags.clientId',
        'client_tags.tagId',
        'tags.nameKey',
        'clients.searchPhone',
        'clients.searchEmailDomain',
      ]) {
        expect([column, leading.has(column)]).toEqual([column, true])
      }
    })
  })

  describe('the search migration on a database with clients', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('mysql', { schema: false })
    })
    afterAll(() => db?.dispose())

    test('fills the search columns of the clients already there', async () => {
      const all = db.dataSource.migrations
      // Only the first migration, then a client written as the previous version would have.
      db.dataSource.setOptions({ migrations: all.slice(0, 1) as never })
      ;(db.dataSource as unknown as { migrations: unknown[] }).migrations = all.slice(0, 1)
      await db.dataSource.runMigrations()
      await db.dataSource.query(
        "INSERT INTO clients (clientNumber, lastName, firstName, email, phone, status, version, updatedAt) VALUES ('COLD00001', 'Le Bœuf', 'Hélène', 'helene@Cold.Example', '+33 6 12 34 56 78', 'active', 1, '2020-01-02 03:04:05')",
      )
      ;(db.dataSource as unknown as { migrations: unknown[] }).migrations = all
      const ran = await db.dataSource.runMigrations({ transaction: 'each' })
      expect(ran.map((m) => m.name)).toContainEqual(expect.stringMatching(/^ClientSearch\d+$/))
      const [row] = await db.dataSource.query("SELECT * FROM clients WHERE clientNumber = 'COLD00001'")
      expect(row).toMatchObject({
        searchName: 'le boeuf helene',
        searchNameReversed: 'helene le boeuf',
        searchNameTail: 'boeuf helene',
        searchPhone: '612345678',
        searchEmailDomain: 'cold.example',
        version: 1,
      })
      expect(new Date(row.updatedAt).toISOString()).toBe('2020-01-02T03:04:05.000Z')
    })
  })
}

describeEachDatabase('schema rules', (database) => {
  test('removing a client for good keeps its contracts, commissions and history, unlinked', async () => {
    const { manager } = database().dataSource
    const advisor = await manager.save(Advisor, { code: 'A1', lastName: 'Martin' })
    const client = await manager.save(
      manager.create(Client, { lastName: 'Dupont', email: 'J.Dupont@Example.FR ' }),
    )
    const contract = await manager.save(Contract, {
      reference: 'R-1',
      clientId: client.id,
      advisorId: advisor.id,
      product: 'PER',
    })
    const commission = await manager.save(Commission, {
      contractId: contract.id,
      clientId: client.id,
      advisorId: advisor.id,
      amount: '12.5',
      period: '2026-10-01',
    })
    const event = await manager.save(ClientEvent, { clientId: client.id, type: 'login', actorType: 'client' })
    const email = await manager.save(EmailLog, {
      clientId: client.id,
      to: 'x@example.fr',
      subject: 's',
      body: 'b',
      status: 'sent',
    })
    const token = await manager.save(ClientToken, {
      clientId: client.id,
      purpose: 'password_reset',
      tokenHash: 'a'.repeat(64),
      expiresAt: new Date(Date.now() + 3600_000),
    })

    await manager.delete(Client, client.id)

    expect(await manager.findOneByOrFail(Contract, { id: contract.id })).toMatchObject({
      clientId: null,
      advisorId: advisor.id,
    })
    expect(await manager.findOneByOrFail(Commission, { id: commission.id })).toMatchObject({
      clientId: null,
      amount: '12.50',
    })
    expect(await manager.findOneByOrFail(ClientEvent, { id: event.id })).toMatchObject({
      clientId: null,
      type: 'login',
    })
    expect(await manager.findOneByOrFail(EmailLog, { id: email.id })).toMatchObject({ clientId: null })
    expect(await manager.findOneBy(ClientToken, { id: token.id })).toBeNull()
  })

  test('a new client gets a client number and a lower-case email; secrets are not selected', async () => {
    const { manager } = database().dataSource
    const saved = await manager.save(
      manager.create(Client, {
        lastName: 'Lefèvre',
        email: '  Helene.Lefevre@Example.FR',
        passwordHash: '$2b$10$x',
      }),
    )
    expect(saved.clientNumber).toMatch(/^C[0-9A-HJKMNP-TV-Z]{8}$/)
    const found = await manager.findOneByOrFail(Client, { id: saved.id })
    expect(found.email).toBe('helene.lefevre@example.fr')
    expect(found.balance).toBe('0.00')
    expect(found.status).toBe('pending')
    expect(found).not.toHaveProperty('passwordHash')
    expect(found).not.toHaveProperty('twoFactorSecret')
    const withSecret = await manager
      .createQueryBuilder(Client, 'c')
      .addSelect('c.passwordHash')
      .where('c.id = :id', { id: saved.id })
      .getOneOrFail()
    expect(withSecret.passwordHash).toBe('$2b$10$x')
  })

  test('client numbers and emails are unique', async () => {
    const { manager } = database().dataSource
    await manager.save(
      manager.create(Client, { lastName: 'A', email: 'same@example.fr', clientNumber: 'CSAME0001' }),
    )
    await expect(
      manager.save(manager.create(Client, { lastName: 'B', email: 'SAME@example.fr' })),
    ).rejects.toThrow()
    await expect(
      manager.save(manager.create(Client, { lastName: 'C', clientNumber: 'csame0001' })),
    ).rejects.toThrow()
    // Clients without an email (e.g. from a commission import) do not collide.
    await manager.save(manager.create(Client, { lastName: 'D' }))
    await manager.save(manager.create(Client, { lastName: 'E' }))
  })
})
