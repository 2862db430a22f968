import type { ComponentLoader, Locale, PageHandler } from 'adminjs'
import type { ACCESSIBLE_THEME } from './shared/panelTheme.js'
import type { AccessControl } from './services/core/accessControl.js'
import type { ResolvedOptions } from './options/clientManagementOptions.js'
import type { ClientLifecycle } from './services/lifecycle/clientLifecycle.js'
import type { ClientAccounts } from './services/accounts/clientAccounts.js'
import type { ClientSettings } from './services/accounts/clientSettings.js'
import type { LoginCost } from './services/accounts/loginCost.js'
import type { PasswordHasher } from './services/accounts/passwordHasher.js'
import type { RateLimiter } from './services/accounts/rateLimiter.js'
import type { ListExport } from './services/export/listExport.js'
import type { ClientGdpr } from './services/gdpr/clientGdpr.js'
import type { ClientFiles } from './services/files/clientFiles.js'
import type { CommissionImport } from './services/import/commissionImport.js'
import type { ImportJobs } from './services/import/importJobs.js'
import type { ClientMailer } from './services/mail/clientMailer.js'
import type { Outbox } from './services/mail/outbox.js'
import type { PaymentMethods } from './services/payments/paymentMethods.js'
import type { ResourceWithOptions } from 'adminjs'
import type { Campaigns } from './services/campaigns/campaigns.js'
import type { CampaignRunner } from './services/campaigns/campaignRunner.js'

/** What `createClientManagement` gives the host (src/index.ts builds it). */
export interface ClientManagement {
  /** The AdminJS resources, ids `Client`, `Advisor`, `Contract`, `Commission`, `ClientEvent`, `EmailLog`, `ClientNote`, `ImportBatch`, `SecuritySettings`, `AdminAuditEntry`, `EmailTemplate`. */
  resources: ResourceWithOptions[]
  /** The loader holding the plugin's components; pass it to AdminJS (or pass yours in the options). */
  componentLoader: ComponentLoader
  /** French and English translations (AdminJS's own French included). */
  locale: Locale
  /** Spread into `new AdminJS({ ...adminOptions, resources })` (`env` carries the currency and `resourceIdPrefix` to the browser). */
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
  /** Queues an email to a client (an EmailLog row `queued`); the outbox sends it. */
  clientMailer: ClientMailer
  /**
   * The mail outbox's delivery worker: `start()` it when the app starts (or in a worker process of
   * its own), `stop()` it on shutdown; `runOnce()` and `drain()` send what is due by hand.
   */
  outbox: Outbox
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
  /** Exports of what a list shows (CSV, keyset pages), also usable from scripts. */
  listExport: ListExport
  /** GDPR: a client's data archive, anonymisation, retention (`gdpr.retention`). */
  gdpr: ClientGdpr
  /** The files kept on clients (the Files tab): list, add, open, remove, purge (option `files`). */
  clientFiles: ClientFiles
  /**
   * The worker running import jobs in this process: `start()` at boot, `await stop()` on SIGTERM
   * (the chunk being written commits, the job goes back to the queue), `runOnce()` for one job now.
   */
  jobs: ImportJobs
  /** Campaigns (issue 29): drafts, preview, test send, start/schedule, pause/resume/cancel, progress, unsubscribe. */
  campaigns: Campaigns
  /** The campaign worker of this process (started by `startWorkers`); `runOnce()` by hand. */
  campaignRunner: CampaignRunner
  /**
   * Starts both workers of this process (the outbox's and the import jobs', each unless its
   * `worker` option is `separate`); `stop()` lets them finish what they hold and gives back the
   * rest (on SIGTERM), within `timeoutMs` (default 15 s).
   */
  startWorkers: () => { stop: (options?: { timeoutMs?: number }) => Promise<void> }
  /** The home page of clients (counts, awaiting confirmation, latest actions): `new AdminJS({ dashboard })`. */
  dashboard: { handler: PageHandler; component: string }
  options: ResolvedOptions
}
