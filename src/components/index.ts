import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ComponentLoader } from 'adminjs'

// Resolved without an extension: AdminJS's bundler finds the .tsx in the repo and the compiled .js in the package.
const here = path.dirname(fileURLToPath(import.meta.url))

/** Registers the plugin's React components on a loader (the host's, or a new one) and returns their ids. */
export function registerComponents(componentLoader: ComponentLoader) {
  return {
    ClientStatusBadge: componentLoader.add(
      'ClientStatusBadge',
      path.join(here, 'common', 'ClientStatusBadge'),
    ),
    ClientActionForm: componentLoader.add(
      'ClientActionForm',
      path.join(here, 'actionForm', 'ClientActionForm'),
    ),
    ClientList: componentLoader.add('ClientList', path.join(here, 'clientList', 'ClientList')),
    LeanList: componentLoader.add('LeanList', path.join(here, 'common', 'LeanList')),
    ViewedList: componentLoader.add('ViewedList', path.join(here, 'clientList', 'ViewedList')),
    CommissionImport: componentLoader.add(
      'CommissionImport',
      path.join(here, 'commissionImport', 'CommissionImport'),
    ),
    ClientMerge: componentLoader.add('ClientMerge', path.join(here, 'merge', 'ClientMerge')),
    DuplicateCheck: componentLoader.add('DuplicateCheck', path.join(here, 'merge', 'DuplicateCheck')),
    CommissionList: componentLoader.add(
      'CommissionList',
      path.join(here, 'commissionImport', 'CommissionList'),
    ),
    AdvisorShow: componentLoader.add('AdvisorShow', path.join(here, 'advisor', 'AdvisorShow')),
    SecuritySettings: componentLoader.add(
      'SecuritySettings',
      path.join(here, 'settings', 'SecuritySettings'),
    ),
    ClientName: componentLoader.add('ClientName', path.join(here, 'clientList', 'ClientName')),
    ClientShow: componentLoader.add('ClientShow', path.join(here, 'clientShow', 'ClientShow')),
    ClientDashboard: componentLoader.add('ClientDashboard', path.join(here, 'dashboard', 'ClientDashboard')),
    ClientStatusDot: componentLoader.add('ClientStatusDot', path.join(here, 'clientList', 'ClientStatusDot')),
    HistoryChanges: componentLoader.add('HistoryChanges', path.join(here, 'common', 'HistoryChanges')),
    FormattedValue: componentLoader.add('FormattedValue', path.join(here, 'common', 'FormattedValue')),
    ClientListCell: componentLoader.add('ClientListCell', path.join(here, 'clientList', 'ClientListCell')),
    // Titles of the Client pages; a host that already overrides AdminJS's header keeps its own.
    ActionHeader: componentLoader.getComponents().ActionHeader
      ? null
      : componentLoader.override('ActionHeader', path.join(here, 'common', 'ClientActionHeader')),
    // Names for AdminJS's unnamed controls, on every page (the logged-in box is on every page).
    LoggedIn: componentLoader.getComponents().LoggedIn
      ? null
      : componentLoader.override('LoggedIn', path.join(here, 'common', 'PanelAccessibility')),
    // Drawers that close (button, Escape, backdrop) and keep the client's page behind them.
    RecordActionRoute: componentLoader.getComponents().RecordActionRoute
      ? null
      : componentLoader.override('RecordActionRoute', path.join(here, 'common', 'RecordActionRoute')),
    // A list row's "…" menu drawn when the row is first pointed at or focused (the list's first render).
    RecordInList: componentLoader.getComponents().RecordInList
      ? null
      : componentLoader.override('RecordInList', path.join(here, 'common', 'LazyRowMenu')),
    // AdminJS's bulk delete in a drawer that closes too.
    DefaultBulkDeleteAction: componentLoader.getComponents().DefaultBulkDeleteAction
      ? null
      : componentLoader.override('DefaultBulkDeleteAction', path.join(here, 'common', 'FramedBulkDelete')),
    ExportForm: componentLoader.add('ExportForm', path.join(here, 'export', 'ExportForm')),
    GdprArchive: componentLoader.add('GdprArchive', path.join(here, 'gdpr', 'GdprArchive')),
    RetentionPanel: componentLoader.add('RetentionPanel', path.join(here, 'gdpr', 'RetentionPanel')),
    EmailTemplates: componentLoader.add('EmailTemplates', path.join(here, 'emailTemplate', 'EmailTemplates')),
    TagChipCell: componentLoader.add('TagChipCell', path.join(here, 'tags', 'TagChipCell')),
    TagFilter: componentLoader.add('TagFilter', path.join(here, 'tags', 'TagFilter')),
    CampaignEditor: componentLoader.add('CampaignEditor', path.join(here, 'campaign', 'CampaignEditor')),
    CampaignShow: componentLoader.add('CampaignShow', path.join(here, 'campaign', 'CampaignShow')),
    CustomFieldInputs: componentLoader.add(
      'CustomFieldInputs',
      path.join(here, 'customFields', 'CustomFieldInputs'),
    ),
    CustomFieldFilters: componentLoader.add(
      'CustomFieldFilters',
      path.join(here, 'customFields', 'CustomFieldFilters'),
    ),
    CustomFieldCell: componentLoader.add(
      'CustomFieldCell',
      path.join(here, 'customFields', 'CustomFieldCell'),
    ),
  }
}

export type ComponentIds = ReturnType<typeof registerComponents>
