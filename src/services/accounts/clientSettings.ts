import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import { Setting } from '../../entities/Setting.js'
import { SettingsChange } from '../../entities/SettingsChange.js'
import type { Actor } from '../core/requestValues.js'
import { InvalidInputError } from '../core/errors.js'
import {
  HASHING_DRIVERS,
  PasswordHasher,
  hashFormat,
  type HashingDriver,
  type HashingOptions,
} from './passwordHasher.js'
import { inTransaction } from '../core/transaction.js'

/** The security settings an admin edits in the panel. The host's options are their defaults. */
export interface SecuritySettings {
  /** New registrations are active at once, without the confirmation email. */
  autoConfirmRegistration: boolean
  hashingDriver: HashingDriver
  bcryptCost: number
  /** KiB */
  argon2MemoryCost: number
  argon2TimeCost: number
  confirmationHours: number
  passwordResetMinutes: number
  /** Failed logins in a row before the account is throttled. */
  maxFailedLogins: number
  throttleMinutes: number
}

type NumberField = Exclude<keyof SecuritySettings, 'autoConfirmRegistration' | 'hashingDriver'>

/**
 * What the panel accepts. The ranges keep a login affordable: bcrypt 15 takes about 2 s here,
 * argon2 with 256 MiB and 10 passes about as long.
 */
export const SETTING_RANGES: Record<NumberField, [number, number]> = {
  bcryptCost: [10, 15],
  argon2MemoryCost: [19456, 262144],
  argon2TimeCost: [2, 10],
  confirmationHours: [1, 720],
  passwordResetMinutes: [5, 1440],
  maxFailedLogins: [3, 100],
  throttleMinutes: [1, 1440],
}

const SETTING_FIELDS = [
  'autoConfirmRegistration',
  'hashingDriver',
  ...(Object.keys(SETTING_RANGES) as NumberField[]),
] as const satisfies readonly (keyof SecuritySettings)[]

export interface HashReportRow {
  /** bcrypt, argon2id, argon2i, argon2d, unknown (malformed or another algorithm), or none (no password). */
  format: string
  count: number
  /** Of those, already in the configured driver and cost: the others are rehashed at their next login. */
  current: number
}

export function defaultSecuritySettings(
  hashing: HashingOptions,
  lifetimes: { confirmationHours: number; passwordResetMinutes: number },
  autoConfirmRegistration = false,
): SecuritySettings {
  const hasher = new PasswordHasher(hashing)
  return {
    autoConfirmRegistration,
    hashingDriver: hasher.options.driver,
    bcryptCost: hasher.options.bcryptCost,
    argon2MemoryCost: hasher.options.argon2MemoryCost,
    argon2TimeCost: hasher.options.argon2TimeCost,
    confirmationHours: lifetimes.confirmationHours,
    passwordResetMinutes: lifetimes.passwordResetMinutes,
    maxFailedLogins: 5,
    throttleMinutes: 15,
  }
}

const KEY_PREFIX = 'security.'
const HASH_REPORT_BATCH = 5000

/** Reads a form value: field → message key for what is wrong. */
function readField(
  field: (typeof SETTING_FIELDS)[number],
  raw: unknown,
): { value: SecuritySettings[typeof field] } | { error: string } {
  if (field === 'autoConfirmRegistration') {
    if (raw === true || raw === 'true' || raw === 'on' || raw === '1') return { value: true }
    if (raw === false || raw === 'false' || raw === 'off' || raw === '0' || raw === '')
      return { value: false }
    return { error: 'invalidChoice' }
  }
  if (field === 'hashingDriver') {
    return HASHING_DRIVERS.includes(raw as HashingDriver)
      ? { value: raw as HashingDriver }
      : { error: 'invalidChoice' }
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^\d+$/.test(text)) return { error: 'invalidWholeNumber' }
  const value = Number(text)
  const [min, max] = SETTING_RANGES[field]
  return value < min || value > max ? { error: 'outOfRange' } : { value }
}

/**
 * The security settings: stored in `client_settings` (one row per field, JSON value), read on
 * each use so every app server sees a change at once, and changed only through `update`, which
 * records who changed what in `client_settings_changes`.
 */
export class ClientSettings {
  private hasherCache: { key: string; hasher: PasswordHasher } | null = null

  constructor(
    private readonly dataSource: DataSource,
    readonly defaults: SecuritySettings,
  ) {}

  /** The settings in force: the stored values over the host's defaults. One query. */
  async current(): Promise<SecuritySettings> {
    return this.fromRows(await this.dataSource.getRepository(Setting).find())
  }

  /** The password hasher for these settings (made once per distinct configuration). */
  hasherFor(settings: SecuritySettings): PasswordHasher {
    const options: HashingOptions = {
      driver: settings.hashingDriver,
      bcryptCost: settings.bcryptCost,
      argon2MemoryCost: settings.argon2MemoryCost,
      argon2TimeCost: settings.argon2TimeCost,
      argon2Parallelism: 1,
    }
    const key = JSON.stringify(options)
    if (this.hasherCache?.key !== key) this.hasherCache = { key, hasher: new PasswordHasher(options) }
    return this.hasherCache.hasher
  }

  async hasher(): Promise<PasswordHasher> {
    return this.hasherFor(await this.current())
  }

  /**
   * Changes the fields given (others stay), in one transaction with one history row listing each
   * value before and after. Bad values: `InvalidInputError`, nothing written.
   */
  async update(
    actor: Actor,
    input: Record<string, unknown>,
  ): Promise<{ settings: SecuritySettings; changes: FieldChange[] }> {
    const fields: Record<string, string> = {}
    const patch: Partial<Record<keyof SecuritySettings, unknown>> = {}
    for (const field of SETTING_FIELDS) {
      if (!(field in input)) continue
      const read = readField(field, input[field])
      if ('error' in read) fields[field] = read.error
      else patch[field] = read.value
    }
    if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
    return inTransaction(this.dataSource, async (manager) => {
      // Read inside the transaction, so two admins saving at once each record what they replaced.
      const before = this.fromRows(await manager.getRepository(Setting).find())
      const changes: FieldChange[] = []
      for (const [field, value] of Object.entries(patch)) {
        const old = before[field as keyof SecuritySettings]
        if (old === value) continue
        changes.push({ field, from: old, to: value })
        await manager.getRepository(Setting).save({
          key: `${KEY_PREFIX}${field}`,
          value,
          updatedBy: actor.email,
        })
      }
      if (changes.length > 0) {
        await manager
          .getRepository(SettingsChange)
          .save(manager.create(SettingsChange, { actor: actor.email, ip: actor.ip, changes }))
      }
      return { settings: { ...before, ...patch } as SecuritySettings, changes }
    })
  }

  private fromRows(rows: Setting[]): SecuritySettings {
    const values: SecuritySettings = { ...this.defaults }
    for (const row of rows) {
      if (!row.key.startsWith(KEY_PREFIX)) continue
      const field = row.key.slice(KEY_PREFIX.length) as (typeof SETTING_FIELDS)[number]
      if (!SETTING_FIELDS.includes(field)) continue
      const read = readField(field, row.value)
      // A value edited by hand in the database that we cannot read keeps the default.
      if ('value' in read) (values as unknown as Record<string, unknown>)[field] = read.value
    }
    return values
  }

  /** The latest changes, newest first. */
  async history(limit = 20): Promise<SettingsChange[]> {
    return this.dataSource.getRepository(SettingsChange).find({ order: { id: 'DESC' }, take: limit })
  }

  /**
   * How many client passwords use each hash format, and how many are already in the configured
   * driver and cost, by the very rules a login applies (a truncated hash is `unknown`). Reads the
   * hash column alone, 5,000 clients a query; nothing is changed.
   */
  async hashReport(settings: SecuritySettings): Promise<HashReportRow[]> {
    const hasher = this.hasherFor(settings)
    const tally = new Map<string, HashReportRow>()
    let after = 0
    for (;;) {
      const rows = await this.dataSource
        .getRepository(Client)
        .createQueryBuilder('c')
        .select(['c.id', 'c.passwordHash'])
        .where('c.id > :after', { after })
        .orderBy('c.id', 'ASC')
        .take(HASH_REPORT_BATCH)
        .getMany()
      for (const { passwordHash } of rows) {
        const format = passwordHash ? hashFormat(passwordHash) : 'none'
        const row = tally.get(format) ?? { format, count: 0, current: 0 }
        row.count += 1
        if (passwordHash && format !== 'unknown' && !hasher.needsRehash(passwordHash)) row.current += 1
        tally.set(format, row)
      }
      if (rows.length < HASH_REPORT_BATCH) break
      after = rows[rows.length - 1].id
    }
    const order = ['argon2id', 'argon2i', 'argon2d', 'bcrypt', 'unknown', 'none']
    return [...tally.values()].sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format))
  }
}
