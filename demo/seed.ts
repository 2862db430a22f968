// The French faker alone (fr, then en, then base), the very object the package's index exports as
// fakerFR: the index loads every locale's data too (188 ms of CPU in a jest file, against 35 ms).
import { faker } from '@faker-js/faker/locale/fr'
import bcrypt from 'bcrypt'
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'
import {
  Advisor,
  Client,
  ClientEvent,
  ClientNote,
  Commission,
  Contract,
  EmailLog,
  type ClientStatus,
  type PasswordHasher,
  rebuildClientAdvisors,
} from '../src/index.js'
import { generateClientNumber } from '../src/shared/clientIdentity.js'
import { contactSearchColumns, searchColumnsFor } from '../src/shared/searchText.js'
import { AdminUser } from './entities/AdminUser.js'
import { Invoice } from './entities/Invoice.js'
import { Ticket } from './entities/Ticket.js'

export const DEMO_ADMINS = [
  { email: 'admin@example.com', role: 'admin' },
  { email: 'support@example.com', role: 'support' },
] as const

/** Status of each seeded client: every status is there, most clients are active. */
const STATUS_PLAN: [ClientStatus, number][] = [
  ['active', 130],
  ['pending', 25],
  ['suspended', 20],
  ['banned', 10],
  ['deleted', 15],
]

const PRODUCTS = [
  'Assurance vie',
  'PER individuel',
  'Prévoyance',
  'Mutuelle santé',
  'Assurance habitation',
  'Assurance auto',
  'Compte-titres',
  'SCPI',
]

const SUSPEND_REASONS = [
  'Impayé de cotisation',
  'Pièce d’identité expirée',
  'Contestation en cours',
  'Demande du client',
]
const BAN_REASONS = ['Fraude avérée', 'Usurpation d’identité', 'Comportement abusif envers le service client']

export interface SeedCounts {
  advisors: number
  clients: number
  contracts: number
  commissions: number
  events: number
  emails: number
  notes: number
  invoices: number
  tickets: number
}

async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
  size = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // Multi-row INSERTs: one statement per chunk, not one per entity.
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size))
      .execute()
  }
}

const ip = () => `203.0.113.${faker.number.int({ min: 1, max: 254 })}`
const firstOfMonth = (monthsAgo: number) => {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - monthsAgo)
  return d.toISOString().slice(0, 10)
}

/** Panel users of the demo; their passwords are hashed with the plugin's configured driver. */
export async function seedAdmins(
  dataSource: DataSource,
  hasher: PasswordHasher,
  password: string,
): Promise<number> {
  const repo = dataSource.getRepository(AdminUser)
  if ((await repo.count()) > 0) return 0
  const passwordHash = await hasher.hash(password)
  await repo.insert(DEMO_ADMINS.map((a) => ({ ...a, passwordHash })))
  return DEMO_ADMINS.length
}

/** Realistic French data (fixed faker seed, so every fresh demo looks the same). Skipped if clients exist. */
export async function seedDemoData(
  dataSource: DataSource,
  hasher: PasswordHasher,
): Promise<SeedCounts | null> {
  if ((await dataSource.getRepository(Client).count()) > 0) return null
  faker.seed(20261121)
  // Two hash formats, as after a migration from a PHP client area: logins accept both.
  const hashes = [await hasher.hash('client-demo'), await bcrypt.hash('client-demo', 10)]

  return dataSource.transaction(async (manager) => {
    await insertChunked(
      manager,
      Advisor,
      Array.from({ length: 5 }, (_, i) => {
        const firstName = faker.person.firstName()
        const lastName = faker.person.lastName()
        return {
          code: `ADV${String(i + 1).padStart(3, '0')}`,
          firstName,
          lastName,
          email: faker.internet.email({ firstName, lastName, provider: 'cabinet-demo.fr' }).toLowerCase(),
          phone: faker.phone.number(),
          active: i < 4,
        }
      }),
    )
    const advisors = await manager.find(Advisor, { order: { id: 'ASC' } })

    const clientRows: Partial<Client>[] = []
    let n = 0
    for (const [status, count] of STATUS_PLAN) {
      for (let i = 0; i < count; i += 1) {
        n += 1
        const firstName = faker.person.firstName()
        const lastName = faker.person.lastName()
        const createdAt = faker.date.past({ years: 3 })
        const confirmed = status !== 'pending'
        const twoFactor = confirmed && faker.datatype.boolean({ probability: 0.2 })
        const email = `${faker.helpers.slugify(`${firstName}.${lastName}`).toLowerCase()}.${n}@example.fr`
        const phone = faker.phone.number()
        clientRows.push({
          clientNumber: generateClientNumber(),
          lastName,
          firstName,
          // Multi-row INSERTs skip the entity's listeners: the search columns are filled here.
          ...searchColumnsFor(lastName, firstName),
          ...contactSearchColumns(phone, 'FR', email),
          email,
          phone,
          addressLine1: faker.location.streetAddress(),
          addressLine2: faker.datatype.boolean({ probability: 0.2 })
            ? faker.location.secondaryAddress()
            : null,
          postalCode: faker.location.zipCode(),
          city: faker.location.city(),
          country: 'FR',
          locale: faker.datatype.boolean({ probability: 0.85 }) ? 'fr' : 'en',
          status,
          statusReason:
            status === 'suspended'
              ? faker.helpers.arrayElement(SUSPEND_REASONS)
              : status === 'banned'
                ? faker.helpers.arrayElement(BAN_REASONS)
                : null,
          emailConfirmedAt: confirmed ? new Date(createdAt.getTime() + 3_600_000) : null,
          passwordHash: hashes[n % 2],
          twoFactorSecret: twoFactor ? faker.string.alphanumeric({ length: 32, casing: 'upper' }) : null,
          twoFactorEnabledAt: twoFactor ? new Date(createdAt.getTime() + 86_400_000) : null,
          balance: faker.finance.amount({ min: -200, max: 1500, dec: 2 }),
          advisorId: faker.helpers.arrayElement(advisors).id,
          stripeCustomerId: faker.datatype.boolean({ probability: 0.4 })
            ? `cus_demo${faker.string.alphanumeric(10)}`
            : null,
          lastLoginAt: status === 'active' ? faker.date.recent({ days: 60 }) : null,
          lastLoginIp: status === 'active' ? ip() : null,
          deletedAt: status === 'deleted' ? faker.date.recent({ days: 90 }) : null,
          createdAt,
          version: 1,
        })
      }
    }
    await insertChunked(manager, Client, clientRows)
    const clients = await manager.find(Client, { order: { id: 'ASC' } })

    const contractRows: Partial<Contract>[] = []
    for (const client of clients) {
      const count = faker.number.int({ min: 1, max: 4 })
      for (let i = 0; i < count; i += 1) {
        const start = faker.date.between({ from: client.createdAt, to: new Date() })
        const status =
          client.status === 'banned' ? 'terminated' : client.status === 'suspended' ? 'suspended' : 'active'
        contractRows.push({
          reference: `CT-${start.getUTCFullYear()}-${String(contractRows.length + 1).padStart(6, '0')}`,
          clientId: client.id,
          advisorId: faker.datatype.boolean({ probability: 0.8 })
            ? client.advisorId
            : faker.helpers.arrayElement(advisors).id,
          product: faker.helpers.arrayElement(PRODUCTS),
          status: faker.datatype.boolean({ probability: 0.1 }) ? 'terminated' : status,
          startDate: start.toISOString().slice(0, 10),
          endDate: null,
          premium: faker.finance.amount({ min: 300, max: 12_000, dec: 2 }),
        })
      }
    }
    await insertChunked(manager, Contract, contractRows)
    const contracts = await manager.find(Contract, { order: { id: 'ASC' } })

    const commissionRows: Partial<Commission>[] = []
    for (let i = 0; commissionRows.length < 2000; i += 1) {
      const contract = contracts[i % contracts.length]
      const monthsAgo = Math.floor(i / contracts.length)
      const rate = faker.number.float({ min: 0.5, max: 8, fractionDigits: 2 })
      commissionRows.push({
        contractId: contract.id,
        clientId: contract.clientId,
        advisorId: contract.advisorId,
        period: firstOfMonth(monthsAgo),
        rate: rate.toFixed(4),
        amount: ((Number(contract.premium) * rate) / 100 / 12).toFixed(2),
        status:
          monthsAgo >= 2
            ? 'paid'
            : monthsAgo === 1
              ? faker.helpers.arrayElement(['paid', 'pending'])
              : 'pending',
      })
    }
    await insertChunked(manager, Commission, commissionRows)
    // The clients of each advisor, for the list's advisor filter (the multi-row INSERTs above skip the subscriber).
    await rebuildClientAdvisors(manager)

    const admins = DEMO_ADMINS.map((a) => a.email)
    const eventRows: Partial<ClientEvent>[] = []
    const emailRows: Partial<EmailLog>[] = []
    const noteRows: Partial<ClientNote>[] = []
    const event = (client: Client, type: ClientEvent['type'], at: Date, extra: Partial<ClientEvent> = {}) =>
      eventRows.push({
        clientId: client.id,
        type,
        actorType: 'system',
        actor: null,
        ip: null,
        createdAt: at,
        ...extra,
      })
    for (const client of clients) {
      const created = client.createdAt
      emailRows.push({
        clientId: client.id,
        to: client.email ?? '',
        subject: client.locale === 'fr' ? 'Confirmez votre adresse e-mail' : 'Confirm your email address',
        template: 'confirmation',
        body:
          client.locale === 'fr'
            ? `Bonjour ${client.firstName},\n\nConfirmez votre adresse en suivant le lien reçu.`
            : `Hello ${client.firstName},\n\nPlease confirm your address with the link you received.`,
        status: 'sent',
        attempts: 1,
        messageId: `<${faker.string.uuid()}@demo.local>`,
        createdAt: created,
      })
      event(client, 'confirmation_sent', created)
      if (client.emailConfirmedAt) {
        event(client, 'account_confirmed', client.emailConfirmedAt, {
          actorType: 'client',
          actor: client.email,
          ip: ip(),
        })
      }
      if (client.lastLoginAt) {
        event(client, 'login', client.lastLoginAt, {
          actorType: 'client',
          actor: client.email,
          ip: client.lastLoginIp,
        })
      }
      if (client.twoFactorEnabledAt) {
        event(client, 'two_factor_enabled', client.twoFactorEnabledAt, {
          actorType: 'client',
          actor: client.email,
          ip: ip(),
        })
      }
      if (client.status === 'suspended' || client.status === 'banned' || client.status === 'deleted') {
        event(client, client.status, faker.date.recent({ days: 90 }), {
          actorType: 'admin',
          actor: faker.helpers.arrayElement(admins),
          ip: ip(),
          reason: client.statusReason ?? 'Demande du client',
        })
      }
      if (faker.datatype.boolean({ probability: 0.25 })) {
        const at = faker.date.recent({ days: 120 })
        noteRows.push({
          clientId: client.id,
          author: 'support@example.com',
          body: faker.lorem.sentence(),
          createdAt: at,
        })
        event(client, 'note_added', at, { actorType: 'admin', actor: 'support@example.com', ip: ip() })
      }
      if (faker.datatype.boolean({ probability: 0.05 })) {
        emailRows.push({
          clientId: client.id,
          to: client.email ?? '',
          subject: 'Votre relevé de commissions',
          template: null,
          body: 'Veuillez trouver votre relevé en pièce jointe.',
          status: 'failed',
          error: '421 4.7.0 Try again later',
          actor: 'admin@example.com',
          createdAt: faker.date.recent({ days: 30 }),
        })
      }
    }
    await insertChunked(manager, ClientEvent, eventRows)
    await insertChunked(manager, EmailLog, emailRows)
    await insertChunked(manager, ClientNote, noteRows)

    // The host's own records (not the plugin's): invoices and support tickets, shown as client tabs.
    const invoiceRows: Partial<Invoice>[] = []
    const ticketRows: Partial<Ticket>[] = []
    for (const client of clients) {
      if (client.status === 'pending') continue
      const invoices = faker.number.int({ min: 0, max: 5 })
      for (let i = 0; i < invoices; i += 1) {
        const issued = faker.date.between({ from: client.createdAt, to: new Date() })
        invoiceRows.push({
          number: `FA-${issued.getUTCFullYear()}-${String(invoiceRows.length + 1).padStart(5, '0')}`,
          clientId: client.id,
          issuedOn: issued.toISOString().slice(0, 10),
          total: faker.finance.amount({ min: 20, max: 2500, dec: 2 }),
          status: faker.helpers.weightedArrayElement([
            { value: 'paid', weight: 6 },
            { value: 'sent', weight: 2 },
            { value: 'overdue', weight: 1 },
            { value: 'draft', weight: 1 },
          ]),
          createdAt: issued,
        })
      }
      if (faker.datatype.boolean({ probability: 0.3 })) {
        ticketRows.push({
          clientId: client.id,
          subject: faker.helpers.arrayElement([
            'Question sur mon relevé',
            'Changement d’adresse',
            'Accès à l’espace client impossible',
            'Demande d’attestation',
            'Réclamation sur un prélèvement',
          ]),
          status: faker.helpers.arrayElement(['open', 'waiting', 'closed']),
          priority: faker.helpers.arrayElement(['low', 'normal', 'high']),
          createdAt: faker.date.recent({ days: 60 }),
        })
      }
    }
    await insertChunked(manager, Invoice, invoiceRows)
    await insertChunked(manager, Ticket, ticketRows)

    return {
      advisors: advisors.length,
      clients: clients.length,
      contracts: contracts.length,
      commissions: commissionRows.length,
      events: eventRows.length,
      emails: emailRows.length,
      notes: noteRows.length,
      invoices: invoiceRows.length,
      tickets: ticketRows.length,
    }
  })
}
