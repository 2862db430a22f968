import type { DataSource } from 'typeorm'
import type { Language } from '../../shared/language.js'
import type { PluginLogger } from '../core/pluginLogger.js'
import type { ClientLifecycle } from '../lifecycle/clientLifecycle.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { AccountLimits } from './accountLimits.js'
import type { BackgroundWork } from './backgroundWork.js'
import type { ClientSettings } from './clientSettings.js'
import type { LoginCost } from './loginCost.js'
import type { RateLimiter } from './rateLimiter.js'

export interface AccountsConfig {
  /** `impersonate`: the client area's route for "log in as this client"; none: not offered. */
  links: { confirmEmail: string; resetPassword: string; impersonate?: string | null }
  /** How long an admin stays logged in as the client (minutes). Default 60. */
  impersonationMaxMinutes?: number
  language: Language
  twoFactorIssuer: string
  logger: PluginLogger
  /** Limits of anonymous requests; default `DEFAULT_ACCOUNT_LIMITS`. */
  limits?: AccountLimits
  /** How long a client's session ids are kept in `client_sessions` (days). Default 30. */
  sessionKeepDays?: number
  /** Shared with the host (its own login can use them); default: new ones. */
  rateLimiter?: RateLimiter
  loginCost?: LoginCost
}

/** What every step of the client's account works with; `accountContext` (clientAccounts.ts) builds it once. */
export interface AccountContext {
  dataSource: DataSource
  mailer: ClientMailer
  settings: ClientSettings
  lifecycle: ClientLifecycle
  config: AccountsConfig
  rateLimiter: RateLimiter
  loginCost: LoginCost
  limits: AccountLimits
  background: BackgroundWork
}
