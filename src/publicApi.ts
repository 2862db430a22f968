// What the package exports besides createClientManagement and mountClientManagement (src/index.ts).
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
export { cleanListQuery, MAX_PAGE, MAX_LIST_PER_PAGE } from './http/listQuery.js'
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
