import { tableOf } from '../core/tableNames.js'
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { Setting } from '../../entities/Setting.js'
import { SettingsChange } from '../../entities/SettingsChange.js'
import { normalizeIp, type Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { change, inTransaction, isMysqlFamily } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import type { Language } from '../../shared/language.js'
import { anonymiseClients } from './anonymiseClients.js'
import { purgeAfterErasure, type ErasedFilePurge } from './eraseFiles.js'
import type { ErasureEntry } from './erasureMap.js'
import { afterErasure, beforeErasure } from './sqliteErasure.js'

export const RETENTION_KEY = 'gdpr.retentionMonths'
/** The stored value of a retention turned off. */
const RETENTION_OFF = 'off'
const RETENTION_RANGE: [number, number] = [1, 600]
/** Clients anonymised per transaction (and per audit entry) in a run. */
const RETENTION_BATCH = 200

export interface RetentionCandidate {
  id: number
  clientNumber: string
  lastName: string
  firstName: string | null
  lastLoginAt: Date | string | null
  createdAt: Date | string
}

/** The day `months` months before `now`, at the same time (UTC). */
function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return cutoff
}

/** A whole number of months in range, or null (off); anything else is a field error. */
function readRetentionMonths(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === '' || raw === 'off') return null
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^\d+$/.test(text)) throw new InvalidInputError({ retentionMonths: 'invalidWholeNumber' })
  const months = Number(text)
  if (text.length > 4 || months < RETENTION_RANGE[0] || months > RETENTION_RANGE[1])
    throw new InvalidInputError({ retentionMonths: 'outOfRange' })
  return months
}

/**
 * Retention: "anonymise clients inactive for N months" (off by default). Inactive: not anonymised
 * yet, created and last logged in before the cutoff (or never), no active contract, no unpaid
 * commission, and no commission of a period or written since the cutoff. The dry run and the run
 * read the same query; the run takes the clients by id in batches, each one transaction with an
 * `anonymised` event per client and a `retention_run` entry in the admin audit trail.
 */
export class Retention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly language: Language,
    /** The host's own tables of the erasure map (the `erasure` option). */
    private readonly hostErasure: readonly ErasureEntry[] = [],
    /** The clients' files: their objects deleted after each batch commits. */
    private readonly files?: ErasedFilePurge,
  ) {}

  /** The months set in the panel, or null: off. */
  async months(): Promise<number | null> {
    const row = await this.dataSource.getRepository(Setting).findOneBy({ key: RETENTION_KEY })
    return typeof row?.value === 'number' ? row.value : null
  }

  /** Sets (or turns off, with null or '') the retention; the change is kept with the security settings' history. */
  async setMonths(actor: Actor, raw: unknown): Promise<number | null> {
    const months = readRetentionMonths(raw)
    await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneBy(Setting, { key: RETENTION_KEY })
      const previous = typeof before?.value === 'number' ? before.value : null
      if (previous === months) return
      // Off is stored as "off": the value column is NOT NULL (and who turned it off stays on the row).
      await manager.save(Setting, {
        key: RETENTION_KEY,
        value: months ?? RETENTION_OFF,
        updatedBy: actor.email,
      })
      await manager.insert(SettingsChange, {
        actor: actor.email,
        ip: normalizeIp(actor.ip),
        changes: [change('retentionMonths', previous, months)] as never,
      })
    })
    return months
  }

  private inactive(manager: EntityManager, months: number, now: Date): SelectQueryBuilder<Client> {
    const cutoff = retentionCutoff(months, now)
    const day = cutoff.toISOString().slice(0, 10)
    // Table names from TypeORM's metadata: a host may name them otherwise.
    const contracts = tableOf(manager.connection, Contract)
    const commissions = tableOf(manager.connection, Commission)
    return manager
      .createQueryBuilder(Client, 'c')
      .where('c.anonymisedAt IS NULL')
      .andWhere('c.createdAt < :cutoff', { cutoff })
      .andWhere('(c.lastLoginAt IS NULL OR c.lastLoginAt < :cutoff)')
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ${contracts} rk WHERE rk.clientId = c.id AND rk.status = 'active')`,
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ${commissions} rm WHERE rm.clientId = c.id AND (rm.status = 'pending' OR rm.period >= :day OR rm.createdAt >= :cutoff))`,
        { day },
      )
  }

  /** Who a run would anonymise now: the count, and the first `limit` of them by id. */
  async dryRun(
    months: number,
    options: { limit?: number; now?: Date } = {},
  ): Promise<{ total: number; clients: RetentionCandidate[] }> {
    readRetentionMonths(months)
    const now = options.now ?? new Date()
    const manager = this.dataSource.manager
    const [total, clients] = await Promise.all([
      this.inactive(manager, months, now).select('COUNT(*)', 'n').getRawOne<{ n: number | string }>(),
      this.inactive(manager, months, now)
        .select(['c.id', 'c.clientNumber', 'c.lastName', 'c.firstName', 'c.lastLoginAt', 'c.createdAt'])
        .orderBy('c.id', 'ASC')
        .limit(options.limit ?? 1000)
        .getMany(),
    ])
    return { total: Number(total?.n ?? 0), clients }
  }

  /**
   * Anonymises every inactive client, by batches of `batchSize` in id order; each batch one
   * transaction. Returns the ids anonymised. Bounded: the cursor only moves forward.
   */
  async run(
    actor: Actor,
    months: number,
    options: { batchSize?: number; now?: Date } = {},
  ): Promise<{ anonymised: number[]; batches: number }> {
    readRetentionMonths(months)
    const now = options.now ?? new Date()
    const size = options.batchSize ?? RETENTION_BATCH
    const anonymised: number[] = []
    let batches = 0
    let afterId = 0
    beforeErasure(this.dataSource)
    for (;;) {
      const done = await inTransaction(this.dataSource, async (manager) => {
        const qb = this.inactive(manager, months, now)
          .andWhere('c.id > :afterId', { afterId })
          .orderBy('c.id', 'ASC')
          .limit(size)
        // Locked as read: a login or a new contract meanwhile waits, then finds the client anonymised.
        if (isMysqlFamily(this.dataSource)) qb.setLock('pessimistic_write')
        const clients = await qb.getMany()
        if (clients.length === 0) return []
        await anonymiseClients(
          manager,
          clients,
          actor,
          this.language,
          () => ({ retentionMonths: months }),
          null,
          this.hostErasure,
        )
        await writeAudit(manager, actor, {
          action: 'retention_run',
          resourceId: 'Client',
          rowCount: clients.length,
          details: { months, cutoff: retentionCutoff(months, now).toISOString(), batch: batches + 1 },
        })
        return clients.map((c) => c.id)
      })
      if (done.length === 0) return { anonymised, batches }
      await afterErasure(this.dataSource)
      await purgeAfterErasure(this.files)
      anonymised.push(...done)
      batches += 1
      afterId = done[done.length - 1]
    }
  }
}
