import AdminJS, { ComponentLoader, type Locale, type PageHandler, type ResourceWithOptions } from 'adminjs'
import { CURRENCY_ENV } from './shared/displayFormat.js'
import { ACCESSIBLE_THEME } from './shared/panelTheme.js'
import { dashboardHandler } from './actions/dashboard/dashboard.action.js'
import { Database, Resource } from '@adminjs/typeorm'
import { registerComponents } from './components/index.js'
import { buildLocale } from './locale/index.js'
import { AccessControl } from './services/core/accessControl.js'
import { ClientLifecycle } from './services/lifecycle/clientLifecycle.js'
import { ClientList } from './services/list/clientList.js'
import { ClientTabs } from './services/list/clientTabs.js'
import { CommissionImport } from './services/import/commissionImport.js'
import { ClientAccounts } from './services/accounts/clientAccounts.js'
import { ClientMailer } from './services/mail/clientMailer.js'
import { ClientSettings, defaultSecuritySettings } from './services/accounts/clientSettings.js'
import { PaymentMethods } from './services/payments/paymentMethods.js'
import { PasswordHasher } from './services/accounts/passwordHasher.js'
import { LoginCost } from './services/accounts/loginCost.js'
import { RateLimiter } from './services/accounts/rateLimiter.js'
import {
  resolveOptions,
  type ClientManagementOptions,
  type ResolvedOptions,
} from './services/core/options.js'
import { createAdvisorResource } from './resources/advisor.resource.js'
import { createClientResource } from './resources/client.resource.js'
import { createCommissionResource } from './resources/commission.resource.js'
import { createImportBatchResource } from './resources/importBatch.resource.js'
import { createSecuritySettingsResource } from './resources/securitySettings.resource.js'
import { createContractResource } from './resources/contract.resource.js'
import {
  createClientEventResource,
  createClientNoteResource,
  createEmailLogResource,
} from './resources/history.resources.js'
import type { ResourceDeps } from './resources/resourceDeps.js'

export interface ClientManagement {
  /** The AdminJS resources, ids `Client`, `Advisor`, `Contract`, `Commission`, `ClientEvent`, `EmailLog`, `ClientNote`, `ImportBatch`, `SecuritySettings`. */
  resources: ResourceWithOptions[]
  /** The loader holding the plugin's components; pass it to AdminJS (or pass yours in the options). */
  componentLoader: ComponentLoader
  /** French and English translations (AdminJS's own French included). */
  locale: Locale
  /** Spread into `new AdminJS({ ...adminOptions, resources })`. */
  adminOptions: {
    componentLoader: ComponentLoader
    locale: Locale
    env: Record<string, string>
    /** Theme colors that keep WCAG AA contrast; spread it into yours if you set `branding`. */
    branding: { theme: typeof ACCESSIBLE_THEME }
  }
  /** Hashes and verifies client passwords with the configured driver. */
  passwordHasher: PasswordHasher
  /** Answers "may this admin run this action?" from the roles map. */
  accessControl: AccessControl
  /** Sends an email to a client and records it in the EmailLog, sent or failed. */
  clientMailer: ClientMailer
  /** What the panel's actions call: suspend, ban, confirm… each in one transaction with its history. */
  lifecycle: ClientLifecycle
  /** The client's own account for the host's client area: register, confirm, log in, 2FA, reset. */
  accounts: ClientAccounts
  /** Rate-limit counters in the database (shared by every instance): the host's own login can use them. */
  rateLimiter: RateLimiter
  /** Pads refused logins to one duration; the host's own login can use it (`begin`, `check`, `refuse`). */
  loginCost: LoginCost
  /** Security settings (auto-confirm, hashing driver and cost, token lifetimes, throttling), as set in the panel. */
  settings: ClientSettings
  /** The client's cards at Stripe (list, detach), as the Payment methods tab shows them. */
  paymentMethods: PaymentMethods
  /** The commission CSV import (dry run, import, undo), also usable from scripts. */
  commissionImport: CommissionImport
  /** The home page of clients (counts, awaiting confirmation, latest actions): `new AdminJS({ dashboard })`. */
  dashboard: { handler: PageHandler; component: string }
  options: ResolvedOptions
}

declare global {
  // AdminJS keeps its adapters on the global object.
  var RegisteredAdapters: { Database: unknown; Resource: unknown }[] | undefined
}

/** The resources are TypeORM entities: make sure AdminJS has the adapter, once. */
function registerTypeormAdapter(): void {
  if (!(globalThis.RegisteredAdapters ?? []).some((adapter) => adapter.Resource === Resource)) {
    AdminJS.registerAdapter({ Database, Resource })
  }
}

/**
 * The client management module for AdminJS. Validates the options (throws a
 * `ClientManagementConfigError` listing every problem) and builds the resources.
 */
export function createClientManagement(
  options: ClientManagementOptions & { componentLoader?: ComponentLoader },
): ClientManagement {
  const resolved = resolveOptions(options)
  registerTypeormAdapter()
  const componentLoader = options.componentLoader ?? new ComponentLoader()
  const accessControl = new AccessControl(resolved.roles, resolved.roleOf)
  const settings = new ClientSettings(
    resolved.dataSource,
    defaultSecuritySettings(resolved.hashing, resolved.tokenLifetimes, resolved.autoConfirmRegistration),
  )
  const passwordHasher = new PasswordHasher(resolved.hashing)
  const clientMailer = new ClientMailer(resolved.dataSource, resolved.mailer, resolved.mailFrom)
  const lifecycle = new ClientLifecycle(resolved.dataSource, clientMailer, settings, {
    links: resolved.links,
    language: resolved.language,
  })
  const accounts = new ClientAccounts(resolved.dataSource, clientMailer, settings, lifecycle, {
    links: resolved.links,
    language: resolved.language,
    twoFactorIssuer: resolved.twoFactorIssuer,
    logger: resolved.logger,
    rateLimiter: new RateLimiter(resolved.dataSource),
    loginCost: new LoginCost(),
  })
  const deps: ResourceDeps = {
    dataSource: resolved.dataSource,
    access: accessControl,
    components: registerComponents(componentLoader),
    navigation: resolved.navigation,
    lifecycle,
    clientList: new ClientList(resolved.dataSource),
    commissionImport: new CommissionImport(resolved.dataSource, resolved.imports),
    settings,
    paymentMethods: new PaymentMethods(resolved.dataSource, resolved.stripe, resolved.logger),
    clientTabs: new ClientTabs(resolved.dataSource),
    hostTabs: resolved.clientTabs,
  }
  const locale = buildLocale(resolved.language)
  return {
    resources: [
      createClientResource(deps),
      createAdvisorResource(deps),
      createContractResource(deps),
      createCommissionResource(deps),
      createClientEventResource(deps),
      createEmailLogResource(deps),
      createClientNoteResource(deps),
      createImportBatchResource(deps),
      createSecuritySettingsResource(deps),
    ],
    componentLoader,
    locale,
    // `env` carries the currency to the components' bundle (read by components/common/usePanelFormat.ts).
    adminOptions: {
      componentLoader,
      locale,
      env: { [CURRENCY_ENV]: resolved.currency },
      branding: { theme: ACCESSIBLE_THEME },
    },
    passwordHasher,
    accessControl,
    clientMailer,
    lifecycle,
    accounts,
    rateLimiter: accounts.rateLimiter,
    loginCost: accounts.loginCost,
    settings,
    paymentMethods: deps.paymentMethods,
    commissionImport: deps.commissionImport,
    dashboard: {
      handler: dashboardHandler(resolved.dataSource, accessControl),
      component: deps.components.ClientDashboard,
    },
    options: resolved,
  }
}

export * from './entities/index.js'
export { clientManagementMigrations } from './migrations/index.js'
export { ClientManagementConfigError, LANGUAGES } from './services/core/options.js'
export type { ClientManagementOptions, Language, StripeLike } from './services/core/options.js'
export type { ClientTabOption } from './services/list/clientTabOptions.js'
export { clientDashboard } from './services/list/clientDashboard.js'
export type { ClientDashboardData } from './services/list/clientDashboard.js'
export { ClientTabs, readHostTab } from './services/list/clientTabs.js'
export type { TabPage } from './services/list/clientTabs.js'
export { AccessControl, DEFAULT_ROLES } from './services/core/accessControl.js'
export { refusalsAs403 } from './resources/secureActions.js'
export type { RoleMap, RoleOf } from './services/core/accessControl.js'
export { PasswordHasher, HASHING_DRIVERS, hashFormat } from './services/accounts/passwordHasher.js'
export type { HashingDriver, HashingOptions, HashFormat } from './services/accounts/passwordHasher.js'
export { SECRET_KEYS, withoutSecrets } from './services/core/secrets.js'
export { ClientMailer } from './services/mail/clientMailer.js'
export type { ClientEmail } from './services/mail/clientMailer.js'
export { ClientLifecycle } from './services/lifecycle/clientLifecycle.js'
export {
  ClientAccounts,
  AccountRefused,
  LOGIN_REFUSALS,
  ACCOUNT_REFUSALS,
} from './services/accounts/clientAccounts.js'
export type {
  AccountClient,
  LoginResult,
  LoginRefusal,
  AccountRefusal,
} from './services/accounts/clientAccounts.js'
export { RateLimiter } from './services/accounts/rateLimiter.js'
export type { RateLimitRule, RateLimitResult } from './services/accounts/rateLimiter.js'
export { LoginCost, LoginAttempt, loginCostKind } from './services/accounts/loginCost.js'
export { MAX_PASSWORD_LENGTH } from './shared/limits.js'
export type { LoginCostKind } from './services/accounts/loginCost.js'
export { DEFAULT_ACCOUNT_LIMITS } from './services/accounts/accountLimits.js'
export type { AccountLimits, LimitedRequest } from './services/accounts/accountLimits.js'
export { PaymentMethods } from './services/payments/paymentMethods.js'
export type { PaymentMethodView, PaymentMethodsView } from './services/payments/paymentMethods.js'
export { ClientSettings, SETTING_FIELDS, SETTING_RANGES } from './services/accounts/clientSettings.js'
export type { SecuritySettings, HashReportRow } from './services/accounts/clientSettings.js'
export { ClientList, readListQuery } from './services/list/clientList.js'
export type { ClientListQuery, ClientListPage } from './services/list/clientList.js'
export { normalizeForSearch, searchColumnsFor } from './shared/searchText.js'
export { backfillSearchColumns } from './services/list/clientSearch.js'
export { CommissionImport } from './services/import/commissionImport.js'
export { nameSimilarity } from './shared/nameSimilarity.js'
export type { DryRunReport, ImportCounts, RowOutcome } from './services/import/commissionImport.js'
export { DEFAULT_IMPORT_LIMITS } from './services/import/importUploads.js'
export type { ImportLimits } from './services/import/importUploads.js'
export {
  IMPORT_FIELDS,
  proposeMapping,
  readDecimal,
  readPeriod,
  readMapping,
} from './services/import/importRows.js'
export type { ImportField, ImportMapping } from './services/import/importRows.js'
export type { LifecycleResult, Skipped, EmailOutcome } from './services/lifecycle/clientLifecycle.js'
export type { Actor } from './services/core/actor.js'
export { ClientActionRefused, InvalidInputError, ConcurrentChangeError } from './services/core/errors.js'
export type { RefusalReason } from './services/core/errors.js'
export { mergeLocale, translations, translateMessage } from './locale/index.js'
export { protectAdminRouter } from './http/protectAdminRouter.js'
export type { AdminRouterProtection, AdminRouterProtectionOptions } from './http/protectAdminRouter.js'
export { SessionRenewingAuthProvider } from './http/authProvider.js'
export type { AdminAuthenticate } from './http/authProvider.js'
export { sessionCookie } from './http/sessionCookie.js'
export { requestSite, sameOrigin } from './http/sameOrigin.js'
export type { SameOriginOptions } from './http/sameOrigin.js'
export type { SessionCookieOptions } from './http/sessionCookie.js'
export { cleanListQuery, MAX_PAGE, MAX_PER_PAGE } from './http/listQuery.js'
