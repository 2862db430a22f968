import type { ResourceWithOptions } from 'adminjs'
import { Client } from '../entities/Client.js'
import { CLIENT_STATUSES, CONSENT_FILTERS, CONSENT_SOURCES, CONTRACT_STATUSES } from '../entities/columns.js'
import { CLIENT_COLUMNS, CLIENT_PROFILE_FIELDS } from '../shared/clientColumns.js'
import {
  clientLifecycleActions,
  editClientHandler,
  listClientsHandler,
  newClientHandler,
  searchClientsHandler,
} from '../actions/index.js'
import { actionGroupMenus } from '../actions/core/actionMenus.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { mergeClientsAction } from '../actions/client/mergeClients.action.js'
import { paymentMethodsAction } from '../actions/client/paymentMethods.action.js'
import { clientTabAction } from '../actions/client/tab.action.js'
import { activeContractsAction } from '../actions/client/activeContracts.action.js'
import { clientTabCountsAction } from '../actions/client/tabCounts.action.js'
import { exportHistoryAction, exportListAction } from '../actions/export/exportList.action.js'
import { anonymiseAction } from '../actions/gdpr/anonymise.action.js'
import { gdprArchiveAction } from '../actions/gdpr/gdprArchive.action.js'
import { removeForGoodAction } from '../actions/gdpr/removeForGood.action.js'
import { retentionAction } from '../actions/gdpr/retention.action.js'
import { impersonateAction } from '../actions/client/impersonate.action.js'
import { warnDuplicates } from '../hooks/warnDuplicates.js'
import { secureActions, valuesOf } from './secureActions.js'
import { messageTemplatesAction } from '../actions/emailTemplate/messageTemplates.action.js'
import type { ResourceDeps } from './resourceDeps.js'
import { clientFileActions } from '../actions/clientFile/clientFileActions.js'
import { seesAdminOnlyFiles } from '../actions/clientFile/clientFileAccess.js'
import {
  addTagsAction,
  bulkAddTagsAction,
  bulkRemoveTagsAction,
  removeTagsAction,
} from '../actions/tags/clientTagActions.js'
import { clientTagsAction } from '../actions/tags/clientTags.action.js'
import { TAG_MODES } from '../shared/tags.js'
import { CLIENT_LIST_COLUMNS } from '../shared/savedViews.js'
import { savedViewActions } from '../actions/views/savedViewActions.js'
import { CUSTOM_FIELD_PREFIX } from '../shared/customFields.js'
import {
  customFieldColumnsAction,
  customFieldDefinitionsAction,
  customValuesAction,
} from '../actions/customFields/customValues.action.js'

const PROFILE = CLIENT_PROFILE_FIELDS

// Status, balance and secrets change only through their actions, which keep the history.
const EDITABLE = ['clientNumber', ...PROFILE]

export function createClientResource(deps: ResourceDeps): ResourceWithOptions {
  const badge = { list: deps.components.ClientStatusDot, show: deps.components.ClientStatusBadge }
  const cell = { list: deps.components.ClientListCell }
  const custom = {
    ...clientLifecycleActions(deps),
    mergeClients: mergeClientsAction(deps) as ClientAction,
    removeForGood: removeForGoodAction(deps) as ClientAction,
    tab: clientTabAction(deps.clientTabs, deps.hostTabs) as ClientAction,
    tabCounts: clientTabCountsAction(deps.dataSource, deps.hostTabs, (id, admin) =>
      deps.clientFiles.count(id, seesAdminOnlyFiles(deps.access, admin)),
    ) as ClientAction,
    activeContracts: activeContractsAction(deps.dataSource) as ClientAction,
    paymentMethods: paymentMethodsAction(deps.paymentMethods, deps.access) as ClientAction,
    gdprArchive: gdprArchiveAction(deps) as ClientAction,
    messageTemplates: messageTemplatesAction(deps.mailer.templates) as ClientAction,
    anonymise: anonymiseAction(deps) as ClientAction,
    exportHistory: exportHistoryAction(deps) as ClientAction,
    impersonate: impersonateAction(deps) as ClientAction,
    ...clientFileActions(deps),
    addTags: addTagsAction(deps) as ClientAction,
    removeTags: removeTagsAction(deps) as ClientAction,
    bulkAddTags: bulkAddTagsAction(deps) as ClientAction,
    bulkRemoveTags: bulkRemoveTagsAction(deps) as ClientAction,
    clientTags: clientTagsAction(deps.dataSource) as ClientAction,
    ...(savedViewActions(deps) as Record<string, ClientAction>),
    customValues: customValuesAction(deps.dataSource, deps.access) as ClientAction,
    customFieldDefinitions: customFieldDefinitionsAction(deps.dataSource, deps.access) as ClientAction,
    customFieldColumns: customFieldColumnsAction(deps.dataSource, deps.access) as ClientAction,
  }
  const menus = actionGroupMenus(custom)
  const actions = secureActions(deps, {
    resourceId: 'Client',
    entity: Client,
    // `ignoreDuplicates` is the form's "save anyway"; the duplicates check takes it out.
    // `cf__*`: the custom fields' values, read by their definitions' schema in the service.
    editable: [...EDITABLE, 'ignoreDuplicates', `${CUSTOM_FIELD_PREFIX}*`],
    checks: [warnDuplicates(deps.dataSource)],
    rules: { required: ['lastName'], unique: ['email', 'clientNumber'], emails: ['email'] },
    components: { list: deps.components.ClientList, show: deps.components.ClientShow },
    handlers: {
      list: listClientsHandler(deps.clientList, deps.access),
      search: searchClientsHandler(deps.clientList, deps.access),
      new: newClientHandler(deps, EDITABLE),
      edit: editClientHandler(deps, EDITABLE),
    },
    // Includes `delete` and `bulkDelete`: a soft delete that restore undoes.
    custom: {
      ...custom,
      ...menus.menus,
      export: exportListAction(deps, 'Client') as ClientAction,
      retention: retentionAction(deps) as ClientAction,
    },
    // Reading a tab of the page is reading the page; a menu shows to whoever may run one of its
    // actions; exporting the history tab is an export (`Client.export`).
    rights: {
      tab: 'show',
      tabCounts: 'show',
      activeContracts: 'show',
      clientTags: 'show',
      // Reading the views of the list is reading the list; changing them is each action's right.
      savedViews: 'list',
      customValues: 'show',
      customFieldDefinitions: ['new', 'edit'],
      customFieldColumns: 'list',
      ...menus.rights,
      exportHistory: 'export',
      messageTemplates: ['sendEmail', 'bulkSendEmail'],
      // Listing and downloading files is reading the page (which files: by `adminOnlyFiles`).
      clientFiles: 'show',
      downloadFile: 'show',
    },
  })
  // The page learns the host's tabs from its action (AdminJS sends `custom` to the browser).
  actions.show = { ...actions.show, custom: { hostTabs: deps.hostTabs } }
  return {
    resource: Client,
    options: {
      id: deps.ids.Client,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      // The status dot first (the legend above explains it), then who the client is. Name is one
      // column: last name then first name (components/clientList/ClientName.tsx).
      // A saved view may show fewer of them (shared/savedViews.ts).
      listProperties: [...CLIENT_LIST_COLUMNS],
      // `q` searches last name, first name, email and client number at once (services/list/clientSearch.ts).
      filterProperties: [
        'q',
        'status',
        'advisor',
        'createdAt',
        'hasActiveContracts',
        'tags',
        'tagMode',
        'marketingConsent',
        'customFields',
        'contractProduct',
        'contractStatus',
        'locale',
      ],
      showProperties: [...CLIENT_COLUMNS],
      editProperties: [...EDITABLE, 'customFields', 'ignoreDuplicates'],
      properties: {
        lastName: { isTitle: true, components: { list: deps.components.ClientName } },
        clientNumber: { components: cell },
        email: { components: cell },
        phone: { components: cell },
        createdAt: { components: cell },
        status: { availableValues: valuesOf(CLIENT_STATUSES), components: badge },
        locale: { availableValues: valuesOf(['fr', 'en']) },
        // As a filter, `unknown` too: never asked (services/list/clientListQuery.ts).
        marketingConsent: {
          availableValues: valuesOf(CONSENT_FILTERS),
          isVisible: { list: false, show: true, edit: false, filter: true },
        },
        marketingConsentSource: { availableValues: valuesOf(CONSENT_SOURCES) },
        statusReason: { type: 'textarea' },
        // Virtual: filled by the list, one aggregated query per page.
        activeContracts: {
          type: 'number',
          isSortable: false,
          isVisible: { list: true, show: false, edit: false, filter: false },
          components: cell,
        },
        // Virtual: the page's tags as chips (one query per page); as a filter, tag ids (any, all or
        // none of them, by `tagMode`), checked by http/listQuery.ts and services/list/clientTagFilter.ts.
        tags: {
          type: 'string',
          isSortable: false,
          isVisible: { list: true, show: false, edit: false, filter: true },
          components: { list: deps.components.TagChipCell, filter: deps.components.TagFilter },
        },
        tagMode: {
          type: 'string',
          availableValues: valuesOf(TAG_MODES),
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        q: {
          type: 'string',
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        // Referent advisor or advisor of any contract (advisorId alone is the referent).
        advisor: {
          type: 'reference',
          reference: deps.ids.Advisor,
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        // Virtual: the custom fields' inputs, drawn from their definitions (sent as `cf__key`);
        // as a filter, one typed control per field writing `filters.customFields` (key:op:arg;…).
        customFields: {
          type: 'string',
          isSortable: false,
          isVisible: { list: false, show: false, edit: true, filter: true },
          components: { edit: deps.components.CustomFieldInputs, filter: deps.components.CustomFieldFilters },
        },
        ignoreDuplicates: {
          type: 'boolean',
          isSortable: false,
          isVisible: { list: false, show: false, edit: true, filter: false },
          components: { edit: deps.components.DuplicateCheck },
        },
        // Virtual: clients with a contract of this product (exact name) and/or in this state
        // (services/list/clientList.ts: one EXISTS on the contracts' index).
        contractProduct: {
          type: 'string',
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        contractStatus: {
          type: 'string',
          availableValues: valuesOf(CONTRACT_STATUSES),
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        hasActiveContracts: {
          type: 'boolean',
          isSortable: false,
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        mergedIntoId: {
          type: 'reference',
          reference: deps.ids.Client,
          isVisible: { list: false, show: true, edit: false, filter: false },
        },
        importBatchId: {
          type: 'reference',
          reference: deps.ids.ImportBatch,
          isVisible: { list: false, show: true, edit: false, filter: false },
        },
        searchName: { isVisible: false },
        sessionGeneration: { isVisible: false },
        searchNameReversed: { isVisible: false },
        searchNameTail: { isVisible: false },
        searchPhone: { isVisible: false },
        searchEmailDomain: { isVisible: false },
        passwordHash: { isVisible: false },
        twoFactorSecret: { isVisible: false },
        twoFactorRecoveryCodes: { isVisible: false },
        twoFactorLastStep: { isVisible: false },
        version: { isVisible: false },
      },
      actions,
    },
  }
}
