import { InitialSchema1795240025712 } from './1795240025712-InitialSchema.js'
import { ClientSearch1795243690875 } from './1795243690875-ClientSearch.js'
import { CommissionImport1795245138169 } from './1795245138169-CommissionImport.js'
import { ClientMerge1795247089311 } from './1795247089311-ClientMerge.js'
import { AccountSecurity1795249704645 } from './1795249704645-AccountSecurity.js'
import { RateLimits1795252000000 } from './1795252000000-RateLimits.js'
import { DropLoginThrottleColumns1795253000000 } from './1795253000000-DropLoginThrottleColumns.js'
import { EmailOutbox1795260000000 } from './1795260000000-EmailOutbox.js'
import { ExportAndGdpr1795300000000 } from './1795300000000-ExportAndGdpr.js'
import { ImportJobs1795270000000 } from './1795270000000-ImportJobs.js'
import { ImportIdentityDecisions1795320000000 } from './1795320000000-ImportIdentityDecisions.js'
import { Impersonation1795400000000 } from './1795400000000-Impersonation.js'
import { EmailTemplates1795410000000 } from './1795410000000-EmailTemplates.js'
import { ClientAdvisors1795430000000 } from './1795430000000-ClientAdvisors.js'
import { ClientSessions1795440000000 } from './1795440000000-ClientSessions.js'
import { AdminSessions1795450000000 } from './1795450000000-AdminSessions.js'
import { ClientFiles1795460000000 } from './1795460000000-ClientFiles.js'
import { ClientTags1795470000000 } from './1795470000000-ClientTags.js'
import { ClientContactSearch1795480000000 } from './1795480000000-ClientContactSearch.js'
import { SavedViews1795500000000 } from './1795500000000-SavedViews.js'
import { CustomFields1795490000000 } from './1795490000000-CustomFields.js'
import { MarketingConsent1795510000000 } from './1795510000000-MarketingConsent.js'
import { Campaigns1795511000000 } from './1795511000000-Campaigns.js'
import { CustomValueUnique1795525000000 } from './1795525000000-CustomValueUnique.js'
import { CampaignSendPace1795612000000 } from './1795612000000-CampaignSendPace.js'
import { prefixAware } from './pluginTables.js'

// MySQL/MariaDB migrations, oldest first (SQLite: `prepareClientTables` synchronizes after its check).
// Each puts the DataSource's `entityPrefix` before its tables and refuses to create a table that
// is already there and not the plugin's, before any statement (pluginTables.ts).
export const clientManagementMigrations = [
  InitialSchema1795240025712,
  ClientSearch1795243690875,
  CommissionImport1795245138169,
  ClientMerge1795247089311,
  AccountSecurity1795249704645,
  RateLimits1795252000000,
  DropLoginThrottleColumns1795253000000,
  EmailOutbox1795260000000,
  ExportAndGdpr1795300000000,
  ImportJobs1795270000000,
  ImportIdentityDecisions1795320000000,
  Impersonation1795400000000,
  EmailTemplates1795410000000,
  ClientAdvisors1795430000000,
  ClientSessions1795440000000,
  AdminSessions1795450000000,
  ClientFiles1795460000000,
  ClientTags1795470000000,
  ClientContactSearch1795480000000,
  SavedViews1795500000000,
  CustomFields1795490000000,
  MarketingConsent1795510000000,
  Campaigns1795511000000,
  CustomValueUnique1795525000000,
  CampaignSendPace1795612000000,
].map(prefixAware)
