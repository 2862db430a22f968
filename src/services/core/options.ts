import type { DataSource } from 'typeorm'
import type { Transporter } from 'nodemailer'
import { clientManagementEntities } from '../../entities/index.js'
import type { SessionStoreHook } from './clientSessions.js'
import { DEFAULT_ROLES, defaultRoleOf, type RoleMap, type RoleOf } from './accessControl.js'
import { HASHING_DRIVERS, type HashingOptions } from '../accounts/passwordHasher.js'
import { isValidEmail } from '../../shared/clientIdentity.js'
import { checkClientTabs, type ClientTabOption } from '../list/clientTabOptions.js'
import { checkImportLimits, resolveImportLimits, type ImportLimits } from '../import/importUploads.js'
import { DEFAULT_CURRENCY, isCurrencyCode } from '../../shared/displayFormat.js'
import { RESOURCE_PREFIX_PATTERN, resourceIdsFor, type ResourceIds } from '../../shared/resourceIds.js'
import { checkErasureOption, type ErasureEntry } from '../gdpr/erasureMap.js'
import {
  checkFileOptions,
  resolveFileOptions,
  type ClientFileOptions,
  type ResolvedFileOptions,
} from '../files/fileOptions.js'
import { checkOutboxOptions, resolveOutboxOptions, type OutboxOptions } from '../mail/outboxOptions.js'
import {
  checkJobOptions,
  resolveJobOptions,
  type ImportJobOptions,
  type ImportJobOptionsInput,
} from '../import/importJobOptions.js'

export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** The parts of a Stripe client the plugin calls; pass `new Stripe(key)`. */
export interface StripeLike {
  customers: { retrieve: (...args: never[]) => unknown }
  paymentMethods: { list: (...args: never[]) => unknown; detach: (...args: never[]) => unknown }
}

/** Where the plugin reports what an operator should know (never a secret in it). */
export interface PluginLogger {
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

export interface ClientManagementOptions {
  /** The host's TypeORM DataSource; its `entities` must include `clientManagementEntities`. */
  dataSource: DataSource
  /** A nodemailer transport (`nodemailer.createTransport(...)`): every email to a client goes through it. */
  mailer: Pick<Transporter, 'sendMail'>
  /** Sender of emails to clients, e.g. `"Acme" <no-reply@acme.test>`. */
  mailFrom: string
  /**
   * Links in the emails clients receive, on the host's client area: `{token}` is replaced by
   * the single-use token, e.g. `https://app.example.com/account/confirm?token={token}`.
   * `impersonate` (optional): the client area's route that starts an admin's "log in as this
   * client" (`clients.accounts.startImpersonation`); without it the panel offers no such action.
   */
  links: { confirmEmail: string; resetPassword: string; impersonate?: string }
  /** "Log in as this client": how long the client area keeps the admin in (minutes). Default 60. */
  impersonation?: { maxMinutes?: number }
  /** How long links stay valid. Default: confirmation 48 hours, password reset 60 minutes. */
  tokenLifetimes?: { confirmationHours?: number; passwordResetMinutes?: number }
  /** An official `stripe` client. Without it, the payment methods tab says Stripe is not configured. */
  stripe?: StripeLike
  /**
   * Password hashing for clients. Default: argon2id with PHP's default costs. Admins can change
   * the driver and cost in the panel's security settings, which then win over this option.
   */
  hashing?: HashingOptions
  /** New registrations are active at once, without confirming their email. Default false; also a panel setting. */
  autoConfirmRegistration?: boolean
  /** Where refusals worth an operator's eye go (a password hash in no known format…). Default: console. */
  logger?: PluginLogger
  /** Name shown in authenticator apps next to the client's email. Default: the mailFrom display name, else "Client area". */
  twoFactorIssuer?: string
  /** The `{{companyName}}` of the email templates. Default: the mailFrom display name, else empty. */
  companyName?: string
  /** Role → allowed actions. Default: `admin` may do everything, `support` reads and contacts. */
  roles?: RoleMap
  /** How to read the role from AdminJS's `currentAdmin`. Default: `currentAdmin.role`. */
  roleOf?: RoleOf
  /** The panel's default language. Default: `fr`. */
  language?: Language
  /** ISO 4217 code of the balances, premiums and commissions, shown with `Intl.NumberFormat`. Default: `EUR`. */
  currency?: string
  /** Navigation group the resources appear under in the sidebar; `null` for none. */
  navigation?: { name: string; icon?: string } | null
  /** Tabs of the client page listing the host's own resources that reference the client. */
  clientTabs?: ClientTabOption[]
  /** Bounds of a commission CSV upload, and where the multipart parser writes it (see ImportLimits). */
  imports?: Partial<ImportLimits>
  /**
   * Put before the plugin's resource ids (`Crm` gives `CrmClient`, `CrmContract`…) when the host
   * already has a resource with one of them. Default none. Role maps keep the plain names.
   */
  resourceIdPrefix?: string
  /** The mail outbox's delivery worker: attempts, delays, concurrency, lease (see OutboxOptions). */
  outbox?: Partial<OutboxOptions>
  /** How this process runs import jobs: lease, heartbeat, poll interval, or none (see ImportJobOptions). */
  jobs?: ImportJobOptionsInput
  /**
   * Your own tables that hold a client's personal data, added to the erasure map that an
   * anonymisation applies and the GDPR archive reads, e.g.
   * `[{ entity: Ticket, clientColumn: 'clientId', columns: { subject: { linked: 'redact', byValue: true } } }]`.
   */
  erasure?: ErasureEntry[]
  /**
   * The host's client-area session store. `destroy` receives the session ids (registered with
   * `accounts.registerSession`) of clients whose sessions end (ban, suspension, deletion,
   * anonymisation, a password set by an admin or a reset link, 2FA removed), and the change's
   * transaction (`manager`): delete them for good. `keepDays`: how long a client's session ids are
   * kept (at least your sessions' lifetime; default 30).
   */
  sessions?: { destroy?: SessionStoreHook['destroy']; keepDays?: number }
  /** The files kept on clients: storage (local directory, S3, yours) and limits (see ClientFileOptions). */
  files?: ClientFileOptions
}

export interface ResolvedOptions {
  dataSource: DataSource
  mailer: Pick<Transporter, 'sendMail'>
  mailFrom: string
  links: ClientLinks
  impersonation: { maxMinutes: number }
  tokenLifetimes: { confirmationHours: number; passwordResetMinutes: number }
  stripe: StripeLike | null
  hashing: HashingOptions
  autoConfirmRegistration: boolean
  twoFactorIssuer: string
  companyName: string
  logger: PluginLogger
  roles: RoleMap
  roleOf: RoleOf
  language: Language
  currency: string
  navigation: { name: string; icon?: string } | null
  clientTabs: ClientTabOption[]
  imports: ImportLimits
  resourceIdPrefix: string
  /** The AdminJS id of each of the plugin's resources, prefix included. */
  resourceIds: ResourceIds
  outbox: OutboxOptions
  jobs: ImportJobOptions
  erasure: ErasureEntry[]
  sessions: { destroy: SessionStoreHook['destroy'] | null; keepDays: number }
  files: ResolvedFileOptions
}

/** The client area's links; `impersonate` is null when the host offers no "log in as this client". */
export interface ClientLinks {
  confirmEmail: string
  resetPassword: string
  impersonate: string | null
}

const LINK_EXAMPLES = { confirmEmail: 'confirm', resetPassword: 'reset', impersonate: 'impersonate' } as const

export class ClientManagementConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`adminjs-clients: invalid options:\n- ${problems.join('\n- ')}`)
    this.name = 'ClientManagementConfigError'
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

function mailFromAddress(mailFrom: string): string {
  const angle = /<([^>]+)>\s*$/.exec(mailFrom)
  return (angle ? angle[1] : mailFrom).trim()
}

function mailFromName(mailFrom: string): string | null {
  const name = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom)
  return name ? name[1].trim() : null
}

/** Checks every option up front and says everything that is wrong at once. */
export function resolveOptions(options: ClientManagementOptions): ResolvedOptions {
  const problems: string[] = []
  if (!isObject(options)) throw new ClientManagementConfigError(['options must be an object'])

  const ds = options.dataSource as unknown
  if (!isObject(ds) || typeof (ds as { getRepository?: unknown }).getRepository !== 'function') {
    problems.push('dataSource is required: pass your TypeORM DataSource')
  } else {
    const { entities } = (ds as unknown as DataSource).options
    const listed = Array.isArray(entities) ? entities : Object.values(entities ?? {})
    const missing = clientManagementEntities.filter((e) => !listed.includes(e)).map((e) => e.name)
    if (missing.length > 0) {
      problems.push(
        `dataSource.entities lacks ${missing.join(', ')}: add ...clientManagementEntities to your DataSource`,
      )
    }
  }

  if (!isObject(options.mailer) || typeof options.mailer.sendMail !== 'function') {
    problems.push('mailer is required: pass a nodemailer transport (nodemailer.createTransport(...))')
  }
  if (typeof options.mailFrom !== 'string' || !isValidEmail(mailFromAddress(options.mailFrom))) {
    problems.push('mailFrom must be an email address, e.g. "Acme <no-reply@acme.test>"')
  }

  const links = options.links as Record<string, unknown> | undefined
  for (const name of ['confirmEmail', 'resetPassword', 'impersonate'] as const) {
    const link = links?.[name]
    if (name === 'impersonate' && link === undefined) continue
    if (typeof link !== 'string' || !/^https?:\/\/[^\s]+$/.test(link) || !link.includes('{token}')) {
      problems.push(
        `links.${name} must be an http(s) URL containing {token}, e.g. "https://app.example.com/account/${LINK_EXAMPLES[name]}?token={token}"`,
      )
    }
  }
  const maxMinutes = options.impersonation?.maxMinutes ?? 60
  if (!Number.isInteger(maxMinutes) || maxMinutes < 1 || maxMinutes > 24 * 60) {
    problems.push('impersonation.maxMinutes must be a whole number from 1 to 1440')
  }
  const lifetimes = { confirmationHours: 48, passwordResetMinutes: 60, ...(options.tokenLifetimes ?? {}) }
  for (const [name, value] of Object.entries(lifetimes)) {
    if (!Number.isInteger(value) || value < 1 || value > 24 * 60) {
      problems.push(`tokenLifetimes.${name} must be a whole number from 1 to 1440`)
    }
  }

  if (options.stripe !== undefined && options.stripe !== null) {
    const s = options.stripe as unknown as Record<string, Record<string, unknown> | undefined>
    if (!isObject(s) || !isObject(s.paymentMethods) || typeof s.paymentMethods.list !== 'function') {
      problems.push('stripe must be a client of the official stripe package (new Stripe(secretKey))')
    }
  }

  const hashing: HashingOptions = options.hashing ?? { driver: 'argon2id' }
  if (!isObject(hashing) || !HASHING_DRIVERS.includes(hashing.driver)) {
    problems.push(`hashing.driver must be one of ${HASHING_DRIVERS.join(', ')}`)
  } else if (
    hashing.bcryptCost !== undefined &&
    (!Number.isInteger(hashing.bcryptCost) || hashing.bcryptCost < 4 || hashing.bcryptCost > 31)
  ) {
    problems.push('hashing.bcryptCost must be a whole number from 4 to 31')
  }

  if (options.autoConfirmRegistration !== undefined && typeof options.autoConfirmRegistration !== 'boolean') {
    problems.push('autoConfirmRegistration must be true or false')
  }
  if (
    options.twoFactorIssuer !== undefined &&
    (typeof options.twoFactorIssuer !== 'string' || options.twoFactorIssuer.trim() === '')
  ) {
    problems.push('twoFactorIssuer must be a non-empty string')
  }
  if (
    options.companyName !== undefined &&
    (typeof options.companyName !== 'string' || options.companyName.length > 200)
  ) {
    problems.push('companyName must be a string of at most 200 characters')
  }

  if (
    options.logger !== undefined &&
    (!isObject(options.logger) ||
      typeof options.logger.warn !== 'function' ||
      typeof options.logger.error !== 'function')
  ) {
    problems.push('logger must have warn(message, details) and error(message, details) methods')
  }

  const roles = options.roles ?? DEFAULT_ROLES
  if (!isObject(roles) || Object.keys(roles).length === 0) {
    problems.push('roles must map at least one role name to "*" or a list of action names')
  } else {
    for (const [role, allowed] of Object.entries(roles)) {
      if (allowed !== '*' && !(Array.isArray(allowed) && allowed.every((a) => typeof a === 'string'))) {
        problems.push(`roles.${role} must be "*" or a list of action names`)
      }
    }
  }
  if (options.roleOf !== undefined && typeof options.roleOf !== 'function') {
    problems.push('roleOf must be a function (currentAdmin) => role')
  }

  const language = options.language ?? 'fr'
  if (!LANGUAGES.includes(language)) problems.push(`language must be one of ${LANGUAGES.join(', ')}`)

  const currency = options.currency ?? DEFAULT_CURRENCY
  if (!isCurrencyCode(currency)) problems.push('currency must be an ISO 4217 code such as "EUR" or "CHF"')

  problems.push(...checkClientTabs(options.clientTabs))
  problems.push(...checkImportLimits(options.imports))
  const prefix = options.resourceIdPrefix ?? ''
  if (prefix !== '' && (typeof prefix !== 'string' || !RESOURCE_PREFIX_PATTERN.test(prefix))) {
    problems.push("resourceIdPrefix must be letters, digits or _ starting with a letter, e.g. 'Crm'")
  }
  problems.push(...checkOutboxOptions(options.outbox))
  problems.push(...checkJobOptions(options.jobs))
  problems.push(...checkErasureOption(options.erasure))
  problems.push(...checkFileOptions(options.files))
  const sessions = options.sessions ?? {}
  if (!isObject(sessions) || (sessions.destroy !== undefined && typeof sessions.destroy !== 'function')) {
    problems.push('sessions.destroy must be a function ({ sessionIds, manager }) => Promise<void>')
  }
  const keepDays = isObject(sessions) ? (sessions.keepDays ?? 30) : 30
  if (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > 3650) {
    problems.push('sessions.keepDays must be a whole number of days from 1 to 3650')
  }

  if (problems.length > 0) throw new ClientManagementConfigError(problems)
  return {
    dataSource: options.dataSource,
    mailer: options.mailer,
    mailFrom: options.mailFrom,
    links: {
      confirmEmail: options.links.confirmEmail,
      resetPassword: options.links.resetPassword,
      impersonate: options.links.impersonate ?? null,
    },
    impersonation: { maxMinutes },
    tokenLifetimes: lifetimes,
    stripe: options.stripe ?? null,
    hashing,
    autoConfirmRegistration: options.autoConfirmRegistration === true,
    twoFactorIssuer: options.twoFactorIssuer ?? mailFromName(options.mailFrom) ?? 'Client area',
    companyName: options.companyName ?? mailFromName(options.mailFrom) ?? '',
    logger: options.logger ?? console,
    roles,
    roleOf: options.roleOf ?? defaultRoleOf,
    language,
    currency,
    navigation:
      options.navigation === undefined ? { name: 'clientManagement', icon: 'Users' } : options.navigation,
    clientTabs: (options.clientTabs ?? []).map((t) => ({ ...t, columns: [...t.columns] })),
    imports: resolveImportLimits(options.imports),
    resourceIdPrefix: prefix,
    resourceIds: resourceIdsFor(prefix),
    outbox: resolveOutboxOptions(options.outbox),
    jobs: resolveJobOptions(options.jobs),
    erasure: [...(options.erasure ?? [])],
    sessions: { destroy: sessions.destroy ?? null, keepDays },
    files: resolveFileOptions(options.files),
  }
}
