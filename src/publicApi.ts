// The public API besides createClientManagement and mountClientManagement (src/index.ts): what a host
// needs to mount the plugin, run its workers, build its client area and operate it. Anything not
// listed here is internal (import it from its module inside this repository, never from the package).
// The list is recorded in test/publicApi.exports.txt and checked against dist/index.d.ts.

// The module and its options.
export type { ClientManagement } from './clientManagement.js'
export type { MountOptions, MountedPanel } from './mount/mountClientManagement.js'
export { ClientManagementConfigError } from './services/core/configError.js'
export { LANGUAGES } from './shared/language.js'
export type { Language } from './shared/language.js'
export type { ClientManagementOptions } from './options/clientManagementOptions.js'
export type { StripeLike } from './services/payments/paymentOptions.js'
export type { ClientTabOption } from './services/list/clientTabOptions.js'
export { bundleReady } from './resources/componentsBundle.js'

// The data model: entities, their column types, migrations, subscribers; the plugin's own DataSource.
export {
  AdminAuditEntry,
  AdminSession,
  Advisor,
  Client,
  ClientAdvisor,
  ClientEvent,
  ClientFile,
  ClientNote,
  ClientSession,
  ClientToken,
  Commission,
  Contract,
  EmailLog,
  EmailTemplate,
  ImportBatch,
  ImportUpload,
  ImportUploadChunk,
  RateLimitCounter,
  Setting,
  SettingsChange,
  Tag,
  ClientTag,
  CustomField,
  ClientCustomValue,
  Campaign,
  CampaignRecipient,
  clientManagementEntities,
} from './entities/index.js'
export type { FieldChange, ImportRowError, StoredLayout } from './entities/index.js'
export type {
  ActorType,
  AdminAuditAction,
  ClientEventType,
  ClientStatus,
  CommissionStatus,
  ContractStatus,
  EmailStatus,
  ImportStatus,
  TokenPurpose,
} from './entities/columns.js'
export { clientManagementMigrations } from './migrations/index.js'
export { clientManagementDataSource, prepareClientTables } from './mount/pluginDataSource.js'
export type { PluginDataSourceOptions } from './mount/pluginDataSource.js'
// Rows written by SQL rather than by TypeORM (README, "Search" and "The advisor filter").
export { contactSearchColumns, searchColumnsFor } from './shared/searchText.js'
export { backfillSearchColumns } from './services/list/clientSearch.js'
export {
  backfillClientAdvisors,
  clientAdvisorsDrift,
  rebuildClientAdvisors,
  refreshClientAdvisors,
} from './services/core/clientAdvisors.js'

// Who may do what.
export { AccessControl, DEFAULT_ROLES } from './services/core/accessControl.js'
export type { RoleMap, RoleOf } from './services/core/accessControl.js'
export { refusalsAs403 } from './resources/secureActions.js'
export type { Actor } from './services/core/requestValues.js'

// Errors a host catches.
export {
  ClientActionRefused,
  ConcurrentChangeError,
  DatabaseUnavailableError,
  InvalidInputError,
} from './services/core/errors.js'
export type { RefusalReason } from './services/core/errors.js'

// The admin router: protection, sessions, health, async routes.
export { protectAdminRouter } from './http/protectAdminRouter.js'
export type {
  AdminRouterProtection,
  AdminRouterProtectionOptions,
  AdminSessionOptions,
} from './http/protectAdminRouter.js'
export { SessionRenewingAuthProvider } from './http/authProvider.js'
export type { AdminAuthenticate } from './http/authProvider.js'
export { sessionCookie } from './http/sessionCookie.js'
export type { SessionCookieOptions } from './http/sessionCookie.js'
export { requestSite, sameOrigin } from './http/sameOrigin.js'
export type { SameOriginOptions } from './http/sameOrigin.js'
export { databaseSessionStore } from './http/databaseSessionStore.js'
export { ResilientSessionStore, resilientSessionStore } from './http/resilientSessionStore.js'
export type { ResilientSessionStoreOptions } from './http/resilientSessionStore.js'
export type { EndedSessions, SessionStoreHook } from './services/core/clientSessions.js'
export { healthRoutes } from './http/healthRoutes.js'
export type { HealthRoutesOptions, ReadinessCheck } from './http/healthRoutes.js'
export { asyncHandler, asyncRoutes } from './http/asyncRoutes.js'
export type { AsyncRequestHandler, AsyncRoutes } from './http/asyncRoutes.js'

// Translations.
export { mergeLocale, translateMessage, translations } from './locale/index.js'

// The database going away and coming back; a Galera cluster; transaction conflicts.
export { isConnectionLost, isDatabaseUnavailable } from './services/core/databaseFaults.js'
export { retryRead } from './services/core/transaction.js'
export {
  DatabaseNodesError,
  DEFAULT_GALERA_NODE_OPTIONS,
  galeraDataSourceOptions,
  parseDatabaseNodes,
} from './services/core/galeraNodes.js'
export type { DatabaseNode, GaleraNodeOptions } from './services/core/galeraNodes.js'
export {
  onTransactionConflict,
  resetTransactionStats,
  transactionStats,
} from './services/core/transaction.js'
export type { ConflictCause } from './services/core/databaseFaults.js'
export type { ConflictReport, TransactionStats } from './services/core/transaction.js'

// Password hashing.
export { PasswordHasher, HASHING_DRIVERS, hashFormat } from './services/accounts/passwordHasher.js'
export type { HashingDriver, HashingOptions, HashFormat } from './services/accounts/passwordHasher.js'

// The workers: the outbox and the import jobs.
export type { Outbox, OutboxRun } from './services/mail/outbox.js'
export { DEFAULT_OUTBOX_OPTIONS, checkOutboxOptions } from './services/mail/outboxOptions.js'
export type { OutboxOptions } from './services/mail/outboxOptions.js'
export { outboxSmtpTimeouts } from './services/mail/transportTimeouts.js'
export type { SmtpTimeouts } from './services/mail/transportTimeouts.js'
export type { MailServerPause } from './services/mail/mailServerWatch.js'
export type { ClientMailer, ClientEmail, QueuedEmails } from './services/mail/clientMailer.js'
export type { ImportJobs } from './services/import/importJobs.js'
export type { JobEnd } from './services/import/importRunner.js'
export { DEFAULT_JOB_OPTIONS, checkJobOptions } from './services/import/importJobOptions.js'
export type { ImportJobOptions, ImportJobOptionsInput } from './services/import/importJobOptions.js'
export type { WorkerPlacement } from './services/core/workerPlacement.js'
export { DEFAULT_IMPORT_LIMITS } from './services/import/importUploads.js'
export type { ImportLimits } from './services/import/importUploads.js'

// The client's own account (the host's client area) and its limits.
export type { ClientAccounts } from './services/accounts/clientAccounts.js'
export { AccountRefused, ACCOUNT_REFUSALS, LOGIN_REFUSALS } from './services/accounts/clientAccounts.js'
export type {
  AccountClient,
  AccountRefusal,
  ClientSessionStamp,
  ImpersonationMark,
  ImpersonationStart,
  LoginRefusal,
  LoginResult,
  MarketingConsentChangeInput,
  PasswordChangeInput,
} from './services/accounts/clientAccounts.js'
export type { RateLimiter, RateLimitResult, RateLimitRule } from './services/accounts/rateLimiter.js'
export { loginCostKind } from './services/accounts/loginCost.js'
export type { LoginCost, LoginCostKind } from './services/accounts/loginCost.js'
export { DEFAULT_ACCOUNT_LIMITS } from './services/accounts/accountLimits.js'
export type { AccountLimits, LimitedRequest } from './services/accounts/accountLimits.js'
export { MAX_PASSWORD_LENGTH } from './shared/limits.js'

// The services a ClientManagement holds, by type (reach them through it).
export type {
  ClientLifecycle,
  EmailOutcome,
  LifecycleResult,
  Skipped,
} from './services/lifecycle/clientLifecycle.js'
export type { ClientSettings, HashReportRow, SecuritySettings } from './services/accounts/clientSettings.js'
export type {
  PaymentMethods,
  PaymentMethodView,
  PaymentMethodsView,
} from './services/payments/paymentMethods.js'
export type {
  BatchProgress,
  CommissionImport,
  DryRunReport,
  ImportCounts,
  RowOutcome,
} from './services/import/commissionImport.js'
export type { ExportPlan, ExportRequest, ListExport } from './services/export/listExport.js'
export type { ClientGdpr } from './services/gdpr/clientGdpr.js'

// The files kept on clients: their options and storage providers (local disk, S3, yours).
export type { ClientFileOptions } from './services/files/fileOptions.js'
export type { FileStorage, StoredFileInput } from './services/files/fileStorage.js'
export { LocalDiskStorage } from './services/files/fileStorage.js'
export { S3Storage, type S3StorageOptions } from './services/files/s3Storage.js'
export type { ClientFiles, ClientFileView } from './services/files/clientFiles.js'

// The GDPR: the erasure map a host extends, retention run from a command line.
export { NOT_PERSONAL, PLUGIN_ERASURE_MAP } from './services/gdpr/erasureMap.js'
export type { ColumnErasure, ErasureEntry, LinkedErasure } from './services/gdpr/erasureMap.js'
export { Retention } from './services/gdpr/retention.js'
export type { RetentionCandidate } from './services/gdpr/retention.js'
