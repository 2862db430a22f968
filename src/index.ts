import { ComponentLoader } from 'adminjs'
import type { ClientManagement } from './clientManagement.js'
import { CURRENCY_ENV } from './shared/displayFormat.js'
import { ACCESSIBLE_THEME } from './shared/panelTheme.js'
import { dashboardHandler } from './actions/dashboard/dashboard.action.js'
import { registerComponents } from './components/index.js'
import { buildLocale } from './locale/index.js'
import { AccessControl } from './services/core/accessControl.js'
import { ClientLifecycle } from './services/lifecycle/clientLifecycle.js'
import { ClientList } from './services/list/clientList.js'
import {
  ClientAdvisorsSubscriber,
  subscribeClientAdvisors,
} from './services/core/clientAdvisorsSubscriber.js'
import { ClientTabs } from './services/list/clientTabs.js'
import { COMMISSION_LIST, CONTRACT_LIST, RecordList } from './services/list/recordList.js'
import { ListExport } from './services/export/listExport.js'
import { ClientGdpr } from './services/gdpr/clientGdpr.js'
import { TEMPLATE_TEST_LIMIT } from './services/mail/templateStore.js'
import { createAdminAuditResource } from './resources/adminAudit.resource.js'
import { createEmailTemplateResource } from './resources/emailTemplate.resource.js'
import { CommissionImport } from './services/import/commissionImport.js'
import { ClientAccounts } from './services/accounts/clientAccounts.js'
import { ClientMailer } from './services/mail/clientMailer.js'
import { Outbox } from './services/mail/outbox.js'
import { ClientSettings, defaultSecuritySettings } from './services/accounts/clientSettings.js'
import { PaymentMethods } from './services/payments/paymentMethods.js'
import { PasswordHasher } from './services/accounts/passwordHasher.js'
import { LoginCost } from './services/accounts/loginCost.js'
import { RateLimiter } from './services/accounts/rateLimiter.js'
import {
  ClientManagementConfigError,
  resolveOptions,
  type ClientManagementOptions,
} from './services/core/options.js'
import { tableClashes } from './services/core/tableCheck.js'
import { registerSessionStore } from './services/core/clientSessions.js'
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
import { registerTypeormAdapter, withFeatures } from './resources/resourceFeatures.js'
import { RESOURCE_PREFIX_ENV } from './shared/resourceIds.js'
import { mountWith, type MountOptions } from './mount/mountClientManagement.js'
import type { Express } from 'express'

/**
 * The client management module for AdminJS. Validates the options (throws a
 * `ClientManagementConfigError` listing every problem) and builds the resources.
 */
export function createClientManagement(
  options: ClientManagementOptions & { componentLoader?: ComponentLoader },
): ClientManagement {
  const resolved = resolveOptions(options)
  // Before anything could touch a table: another entity of this DataSource on one of our tables.
  const clashes = tableClashes(resolved.dataSource)
  if (clashes.length > 0) throw new ClientManagementConfigError(clashes)
  registerTypeormAdapter()
  // A host that did not list clientManagementSubscribers in its DataSource still gets them.
  subscribeClientAdvisors(resolved.dataSource)
  // Every writer that ends a client's sessions reaches the host's store through the DataSource.
  if (resolved.sessions.destroy) {
    registerSessionStore(resolved.dataSource, { destroy: resolved.sessions.destroy }, resolved.logger)
  }
  const componentLoader = options.componentLoader ?? new ComponentLoader()
  const accessControl = new AccessControl(resolved.roles, resolved.roleOf)
  const settings = new ClientSettings(
    resolved.dataSource,
    defaultSecuritySettings(resolved.hashing, resolved.tokenLifetimes, resolved.autoConfirmRegistration),
  )
  const passwordHasher = new PasswordHasher(resolved.hashing)
  const rateLimiter = new RateLimiter(resolved.dataSource)
  const clientMailer = new ClientMailer(
    resolved.dataSource,
    resolved.mailFrom,
    resolved.language,
    resolved.companyName,
    (adminEmail) => rateLimiter.hit('templateTest', [adminEmail], TEMPLATE_TEST_LIMIT),
  )
  const outbox = new Outbox(
    {
      dataSource: resolved.dataSource,
      transport: resolved.mailer,
      from: resolved.mailFrom,
      options: resolved.outbox,
    },
    clientMailer,
    resolved.logger,
  )
  const lifecycle = new ClientLifecycle(resolved.dataSource, clientMailer, settings, {
    links: resolved.links,
    language: resolved.language,
  })
  const accounts = new ClientAccounts(resolved.dataSource, clientMailer, settings, lifecycle, {
    links: resolved.links,
    language: resolved.language,
    twoFactorIssuer: resolved.twoFactorIssuer,
    impersonationMaxMinutes: resolved.impersonation.maxMinutes,
    sessionKeepDays: resolved.sessions.keepDays,
    logger: resolved.logger,
    rateLimiter,
    loginCost: new LoginCost(),
  })
  const clientList = new ClientList(resolved.dataSource)
  const clientTabs = new ClientTabs(resolved.dataSource)
  const contractList = new RecordList(resolved.dataSource, CONTRACT_LIST)
  const commissionList = new RecordList(resolved.dataSource, COMMISSION_LIST)
  const deps: ResourceDeps = {
    dataSource: resolved.dataSource,
    access: accessControl,
    components: registerComponents(componentLoader),
    navigation: resolved.navigation,
    lifecycle,
    mailer: clientMailer,
    clientList,
    commissionImport: new CommissionImport(
      resolved.dataSource,
      resolved.imports,
      resolved.jobs,
      resolved.logger,
    ),
    settings,
    paymentMethods: new PaymentMethods(resolved.dataSource, resolved.stripe, resolved.logger),
    clientTabs,
    hostTabs: resolved.clientTabs,
    ids: resolved.resourceIds,
    contractList,
    commissionList,
    listExport: new ListExport(
      resolved.dataSource,
      { clients: clientList, contracts: contractList, commissions: commissionList, tabs: clientTabs },
      resolved.language,
    ),
    gdpr: new ClientGdpr(resolved.dataSource, resolved.language, resolved.erasure),
    accounts,
  }
  const locale = buildLocale(resolved.language, resolved.resourceIds)
  const resources = withFeatures(deps, componentLoader, [
    createClientResource(deps),
    createAdvisorResource(deps),
    createContractResource(deps),
    createCommissionResource(deps),
    createClientEventResource(deps),
    createEmailLogResource(deps),
    createClientNoteResource(deps),
    createImportBatchResource(deps),
    createSecuritySettingsResource(deps),
    createAdminAuditResource(deps),
    createEmailTemplateResource(deps),
  ])
  const env = resolved.resourceIdPrefix ? { [RESOURCE_PREFIX_ENV]: resolved.resourceIdPrefix } : undefined
  return {
    resources,
    componentLoader,
    locale,
    // `env` carries the currency to the components' bundle (read by components/common/usePanelFormat.ts).
    adminOptions: {
      componentLoader,
      locale,
      env: { [CURRENCY_ENV]: resolved.currency, ...(env ?? {}) },
      branding: { theme: ACCESSIBLE_THEME },
    },
    passwordHasher,
    accessControl,
    clientMailer,
    outbox,
    lifecycle,
    accounts,
    rateLimiter: accounts.rateLimiter,
    loginCost: accounts.loginCost,
    settings,
    paymentMethods: deps.paymentMethods,
    commissionImport: deps.commissionImport,
    listExport: deps.listExport,
    gdpr: deps.gdpr,
    jobs: deps.commissionImport.jobs,
    startWorkers: () => {
      outbox.start()
      deps.commissionImport.jobs.start()
      return {
        stop: async (stopOptions) =>
          void (await Promise.all([outbox.stop(stopOptions), deps.commissionImport.jobs.stop(stopOptions)])),
      }
    },
    dashboard: {
      handler: dashboardHandler(resolved.dataSource, accessControl),
      component: deps.components.ClientDashboard,
    },
    options: resolved,
  }
}

/**
 * Mounts the plugin into your Express app in one call (src/mount/mountClientManagement.ts):
 * `const panel = await mountClientManagement(app, { dataSource, auth, mail, links, resources })`.
 */
export function mountClientManagement(app: Express, options: MountOptions) {
  return mountWith(createClientManagement, app, options)
}

export type { ClientManagement } from './clientManagement.js'
export * from './entities/index.js'
export { clientManagementMigrations } from './migrations/index.js'
export { checkClientTables } from './services/core/tableCheck.js'
export { bundleReady } from './resources/componentsBundle.js'
export { clientManagementDataSource, prepareClientTables } from './mount/pluginDataSource.js'
export type { PluginDataSourceOptions } from './mount/pluginDataSource.js'
export type { MountOptions, MountedPanel } from './mount/mountClientManagement.js'
export { databaseSessionStore } from './http/databaseSessionStore.js'
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
export type { ClientEmail, QueuedEmails } from './services/mail/clientMailer.js'
export { Outbox } from './services/mail/outbox.js'
export type { OutboxRun } from './services/mail/outbox.js'
export { DEFAULT_OUTBOX_OPTIONS, checkOutboxOptions } from './services/mail/outboxOptions.js'
export { outboxSmtpTimeouts, timeoutsAboveLease } from './services/mail/transportTimeouts.js'
export type { SmtpTimeouts } from './services/mail/transportTimeouts.js'
export type { MailServerPause } from './services/mail/mailServerWatch.js'
export type { OutboxOptions } from './services/mail/outboxOptions.js'
export { ClientLifecycle } from './services/lifecycle/clientLifecycle.js'
export {
  ClientAccounts,
  AccountRefused,
  LOGIN_REFUSALS,
  ACCOUNT_REFUSALS,
} from './services/accounts/clientAccounts.js'
export type {
  AccountClient,
  ImpersonationMark,
  ImpersonationStart,
  PasswordChangeInput,
  LoginResult,
  LoginRefusal,
  AccountRefusal,
  ClientSessionStamp,
} from './services/accounts/clientAccounts.js'
export type { EndedSessions, SessionStoreHook } from './services/core/clientSessions.js'
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
export {
  backfillClientAdvisors,
  clientAdvisorsDrift,
  rebuildClientAdvisors,
  refreshClientAdvisors,
} from './services/core/clientAdvisors.js'
export { ClientAdvisorsSubscriber } from './services/core/clientAdvisorsSubscriber.js'

/** The plugin's TypeORM subscribers: add them to the host's DataSource `subscribers` (next to `entities`). */
export const clientManagementSubscribers = [ClientAdvisorsSubscriber]
export { CommissionImport } from './services/import/commissionImport.js'
export { nameSimilarity } from './shared/nameSimilarity.js'
export type {
  BatchProgress,
  DryRunReport,
  ImportCounts,
  RowOutcome,
} from './services/import/commissionImport.js'
export { ImportJobs } from './services/import/importJobs.js'
export type { JobEnd } from './services/import/importRunner.js'
export { DEFAULT_JOB_OPTIONS, checkJobOptions } from './services/import/importJobOptions.js'
export type { ImportJobOptions, ImportJobOptionsInput } from './services/import/importJobOptions.js'
export type { WorkerPlacement } from './services/core/workerPlacement.js'
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
export {
  DatabaseNodesError,
  DEFAULT_GALERA_NODE_OPTIONS,
  galeraDataSourceOptions,
  parseDatabaseNodes,
} from './services/core/galeraNodes.js'
export type { DatabaseNode, GaleraNodeOptions } from './services/core/galeraNodes.js'
export type { RefusalReason } from './services/core/errors.js'
export {
  onTransactionConflict,
  resetTransactionStats,
  transactionStats,
} from './services/core/transaction.js'
export type { ConflictCause, ConflictReport, TransactionStats } from './services/core/transaction.js'
export { mergeLocale, translations, translateMessage } from './locale/index.js'
export { protectAdminRouter } from './http/protectAdminRouter.js'
export type {
  AdminRouterProtection,
  AdminRouterProtectionOptions,
  AdminSessionOptions,
} from './http/protectAdminRouter.js'
export { SessionRenewingAuthProvider } from './http/authProvider.js'
export type { AdminAuthenticate } from './http/authProvider.js'
export { sessionCookie } from './http/sessionCookie.js'
export { requestSite, sameOrigin } from './http/sameOrigin.js'
export type { SameOriginOptions } from './http/sameOrigin.js'
export type { SessionCookieOptions } from './http/sessionCookie.js'
export { cleanListQuery, MAX_PAGE, MAX_PER_PAGE } from './http/listQuery.js'
// The database going away and coming back (README, "When the database or the mail server goes away").
export { healthRoutes } from './http/healthRoutes.js'
export type { HealthRoutesOptions, ReadinessCheck } from './http/healthRoutes.js'
export { ResilientSessionStore, resilientSessionStore } from './http/resilientSessionStore.js'
export type { ResilientSessionStoreOptions } from './http/resilientSessionStore.js'
export { asyncHandler, asyncRoutes } from './http/asyncRoutes.js'
export type { AsyncRequestHandler, AsyncRoutes } from './http/asyncRoutes.js'
export { DatabaseUnavailableError } from './services/core/errors.js'
export { isConnectionLost, isDatabaseUnavailable, retryRead } from './services/core/databaseFaults.js'
export { ListExport, EXPORT_PAGE_SIZE } from './services/export/listExport.js'
export type { ExportRequest, ExportPlan } from './services/export/listExport.js'
export { CsvWriter, neutralise, CSV_DIALECTS } from './services/export/csvWriter.js'
export { EXPORT_COLUMNS } from './shared/exportColumns.js'
export type { ExportColumn, ExportableResource } from './shared/exportColumns.js'
export { ClientGdpr } from './services/gdpr/clientGdpr.js'
export { Retention, retentionCutoff, RETENTION_RANGE } from './services/gdpr/retention.js'
export type { RetentionCandidate } from './services/gdpr/retention.js'
export { ANONYMOUS_NAME, REDACTED } from './services/gdpr/anonymiseClients.js'
export { NOT_PERSONAL, PLUGIN_ERASURE_MAP, resolveErasureMap } from './services/gdpr/erasureMap.js'
export type { ColumnErasure, ErasureEntry, LinkedErasure } from './services/gdpr/erasureMap.js'
export {
  RecordList,
  CONTRACT_LIST,
  COMMISSION_LIST,
  readRecordListQuery,
} from './services/list/recordList.js'
export type { RecordListQuery, RecordListSpec } from './services/list/recordList.js'
