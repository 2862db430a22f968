import type { DataSource } from 'typeorm'
import type { AccessControl } from '../services/accessControl.js'
import type { ComponentIds } from '../components/index.js'
import type { ClientLifecycle } from '../services/clientLifecycle.js'
import type { ClientList } from '../services/clientList.js'
import type { ClientSettings } from '../services/clientSettings.js'
import type { PaymentMethods } from '../services/paymentMethods.js'
import type { CommissionImport } from '../services/commissionImport.js'
import type { ClientTabs } from '../services/clientTabs.js'
import type { HostTab } from '../components/clientShowTabs.js'

export interface ResourceDeps {
  dataSource: DataSource
  access: AccessControl
  components: ComponentIds
  navigation: { name: string; icon?: string } | null
  lifecycle: ClientLifecycle
  clientList: ClientList
  commissionImport: CommissionImport
  settings: ClientSettings
  paymentMethods: PaymentMethods
  /** The tabs of the client page, a page at a time. */
  clientTabs: ClientTabs
  /** Tabs of the host's own resources (option `clientTabs`). */
  hostTabs: HostTab[]
}
