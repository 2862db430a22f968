import type { DataSource } from 'typeorm'
import type { AccessControl } from '../services/core/accessControl.js'
import type { ComponentIds } from '../components/index.js'
import type { LifecycleDeps } from '../services/lifecycle/lifecycleDeps.js'
import type { ClientList } from '../services/list/clientList.js'
import type { ClientSettings } from '../services/accounts/clientSettings.js'
import type { ClientAccounts } from '../services/accounts/clientAccounts.js'
import type { PaymentMethods } from '../services/payments/paymentMethods.js'
import type { CommissionImport } from '../services/import/commissionImport.js'
import type { ClientTabs } from '../services/list/clientTabs.js'
import type { ClientMailer } from '../services/mail/clientMailer.js'
import type { HostTab } from '../shared/clientPageTabs.js'
import type { ResourceIds } from '../shared/resourceIds.js'
import type { RecordList } from '../services/list/recordList.js'
import type { ListExport } from '../services/export/listExport.js'
import type { ClientGdpr } from '../services/gdpr/clientGdpr.js'
import type { ClientFiles } from '../services/files/clientFiles.js'
import type { Campaigns } from '../services/campaigns/campaigns.js'

export interface ResourceDeps {
  dataSource: DataSource
  access: AccessControl
  components: ComponentIds
  navigation: { name: string; icon?: string } | null
  /** What the lifecycle's functions take: the actions call them directly. */
  lifecycle: LifecycleDeps
  /** The outbox's writer: queues emails, and queues a failed one again. */
  mailer: ClientMailer
  clientList: ClientList
  commissionImport: CommissionImport
  settings: ClientSettings
  paymentMethods: PaymentMethods
  /** The tabs of the client page, a page at a time. */
  clientTabs: ClientTabs
  /** Tabs of the host's own resources (option `clientTabs`). */
  hostTabs: HostTab[]
  /** The AdminJS id of each of the plugin's resources (option `resourceIdPrefix`). */
  ids: ResourceIds
  /** The Contract and Commission lists' query service (their list, totals and export). */
  contractList: RecordList
  commissionList: RecordList
  /** Exports what a list shows, as CSV. */
  listExport: ListExport
  /** GDPR archive, anonymisation and retention. */
  gdpr: ClientGdpr
  /** The client's account: the panel's "log in as this client" starts there. */
  accounts: ClientAccounts
  /** The files kept on clients (the Files tab; option `files`). */
  clientFiles: ClientFiles
  /** Campaigns (issue 29): the editor's, the preview's and the progress page's one service. */
  campaigns: Campaigns
}
