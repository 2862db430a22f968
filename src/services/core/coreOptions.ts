import { DEFAULT_ROLES, defaultRoleOf, type RoleMap, type RoleOf } from './accessControl.js'
import type { SessionStoreHook } from './clientSessions.js'
import { isObject } from './configError.js'
import type { PluginLogger } from './pluginLogger.js'

/** The options of `createClientManagement` that core reads: roles, logger, the host's sessions. */
export interface CoreOptionsInput {
  /** Where refusals worth an operator's eye go (a password hash in no known format…). Default: console. */
  logger?: PluginLogger
  /** Role → allowed actions. Default: `admin` may do everything, `support` reads and contacts. */
  roles?: RoleMap
  /** How to read the role from AdminJS's `currentAdmin`. Default: `currentAdmin.role`. */
  roleOf?: RoleOf
  /**
   * The host's client-area session store. `destroy` receives the session ids (registered with
   * `accounts.registerSession`) of clients whose sessions end (ban, suspension, deletion,
   * anonymisation, a password set by an admin or a reset link, 2FA removed), and the change's
   * transaction (`manager`): delete them for good. `keepDays`: how long a client's session ids are
   * kept (at least your sessions' lifetime; default 30).
   */
  sessions?: { destroy?: SessionStoreHook['destroy']; keepDays?: number }
}

export interface CoreOptions {
  logger: PluginLogger
  roles: RoleMap
  roleOf: RoleOf
  sessions: { destroy: SessionStoreHook['destroy'] | null; keepDays: number }
}

export function checkCoreOptions(options: CoreOptionsInput): string[] {
  const problems: string[] = []
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
  const sessions = options.sessions ?? {}
  if (!isObject(sessions) || (sessions.destroy !== undefined && typeof sessions.destroy !== 'function')) {
    problems.push('sessions.destroy must be a function ({ sessionIds, manager }) => Promise<void>')
  }
  const keepDays = keepDaysOf(sessions)
  if (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > 3650) {
    problems.push('sessions.keepDays must be a whole number of days from 1 to 3650')
  }
  return problems
}

const keepDaysOf = (sessions: unknown): number =>
  isObject(sessions) ? ((sessions.keepDays as number | undefined) ?? 30) : 30

/** The options with their defaults; call after `checkCoreOptions` found nothing. */
export function resolveCoreOptions(options: CoreOptionsInput): CoreOptions {
  const sessions = options.sessions ?? {}
  return {
    logger: options.logger ?? console,
    roles: options.roles ?? DEFAULT_ROLES,
    roleOf: options.roleOf ?? defaultRoleOf,
    sessions: { destroy: sessions.destroy ?? null, keepDays: keepDaysOf(sessions) },
  }
}
