import { ComponentLoader } from 'adminjs'
import type { ClientManagement } from './clientManagement.js'
import { CURRENCY_ENV } from './shared/displayFormat.js'
import { ACCESSIBLE_THEME } from './shared/panelTheme.js'
import { dashboardHandler } from './actions/dashboard/dashboard.action.js'
import { registerComponents } from './components/index.js'
import { buildLocale } from './locale/index.js'
import { AccessControl } from './services/core/accessControl.js'
import { clientLifecycle } from './services/lifecycle/clientLifecycle.js'
import { ClientList } from './services/list/clientList.js'
import { ClientAdvisorsSubscriber } from './services/core/clientAdvisorsSubscriber.js'
import { ClientTabs } from './services/list/clientTabs.js'
import { COMMISSION_LIST, CONTRACT_LIST, RecordList } from './services/list/recordList.js'
import { ListExport } from './services/export/listExport.js'
import { ClientGdpr } from './services/gdpr/clientGdpr.js'
import { TEMPLATE_TEST_LIMIT } from './services/mail/templateStore.js'
import { createAdminAuditResource } from './resources/adminAudit.resource.js'
import { createEmailTemplateResource } from './resources/emailTemplate.resource.js'
import { createTagResource } from './resources/tag.resource.js'
import { createCustomFieldResource } from './resources/customField.resource.js'
import { createCampaignResource } from './resources/campaign.resource.js'
import { CommissionImport } from './services/import/commissionImport.js'
import { accountContext, clientAccounts } from './services/accounts/clientAccounts.js'
import { ClientMailer } from './services/mail/clientMailer.js'
import { Outbox } from './services/mail/outbox.js'
import { ClientSettings, defaultSecuritySettings } from './services/accounts/clientSettings.js'
import { PaymentMethods } from './services/payments/paymentMethods.js'
import { PasswordHasher } from './services/accounts/passwordHasher.js'
import { LoginCost } from './services/accounts/loginCost.js'
import { RateLimiter } from './services/accounts/rateLimiter.js'
import { ClientManagementConfigError } from './services/core/configError.js'
import { resolveOptions, type ClientManagementOptions } from './options/clientManagementOptions.js'
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
import { ClientFiles } from './services/files/clientFiles.js'
import { Campaigns } from './services/campaigns/campaigns.js'
import { CampaignRunner } from './services/campaigns/campaignRunner.js'
import { unsubscribeRoutes } from './http/unsubscribeRoutes.js'

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
  const lifecycleDeps = {
    dataSource: resolved.dataSource,
    mailer: clientMailer,
    security: settings,
    settings: { links: resolved.links, language: resolved.language },
  }
  const lifecycle = clientLifecycle(lifecycleDeps)
  const accountsContext = accountContext(resolved.dataSource, clientMailer, settings, lifecycle, {
    links: resolved.links,
    language: resolved.language,
    twoFactorIssuer: resolved.twoFactorIssuer,
    impersonationMaxMinutes: resolved.impersonation.maxMinutes,
    sessionKeepDays: resolved.sessions.keepDays,
    logger: resolved.logger,
    rateLimiter,
    loginCost: new LoginCost(),
  })
  const accounts = clientAccounts(accountsContext)
  const clientList = new ClientList(resolved.dataSource)
  const clientTabs = new ClientTabs(resolved.dataSource)
  const clientFiles = new ClientFiles(resolved.dataSource, resolved.files, resolved.logger)
  const contractList = new RecordList(resolved.dataSource, CONTRACT_LIST)
  const commissionList = new RecordList(resolved.dataSource, COMMISSION_LIST)
  const campaigns = new Campaigns(resolved.dataSource, clientList, clientMailer, resolved.campaigns, {
    from: resolved.mailFrom,
    companyName: resolved.companyName,
    language: resolved.language,
  })
  const campaignRunner = new CampaignRunner(
    resolved.dataSource,
    clientList,
    () => campaigns.releaseContextOrNull(),
    resolved.campaigns,
    resolved.logger,
  )
  const deps: ResourceDeps = {
    dataSource: resolved.dataSource,
    access: accessControl,
    components: registerComponents(componentLoader),
    navigation: resolved.navigation,
    lifecycle: lifecycleDeps,
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
    gdpr: new ClientGdpr(resolved.dataSource, resolved.language, resolved.erasure, clientFiles),
    accounts,
    clientFiles,
    campaigns,
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
    createTagResource(deps),
    createCustomFieldResource(deps),
    createCampaignResource(deps),
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
    clientFiles,
    jobs: deps.commissionImport.jobs,
    campaigns,
    campaignRunner,
    startWorkers: () => {
      outbox.start()
      deps.commissionImport.jobs.start()
      campaignRunner.start()
      return {
        stop: async (stopOptions) =>
          void (await Promise.all([
            outbox.stop(stopOptions),
            deps.commissionImport.jobs.stop(stopOptions),
            campaignRunner.stop(),
          ])),
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

/**
 * The unsubscribe link of campaign emails as an Express router: mount it where the option
 * `campaigns.unsubscribeUrl` points (`app.use('/unsubscribe', campaignUnsubscribeRoutes(clients))`).
 */
export const campaignUnsubscribeRoutes = (clients: Pick<ClientManagement, 'campaigns'>) =>
  unsubscribeRoutes((token, request) => clients.campaigns.unsubscribePage(token, request))

/**
 * The plugin's TypeORM subscribers, for a host whose own code saves or removes clients or
 * contracts as entities (`manager.save`): add them to its DataSource's `subscribers`. The
 * plugin's own writers keep `client_advisors` in step without them.
 */
export const clientManagementSubscribers = [ClientAdvisorsSubscriber]

// The rest of the public API (one list, in publicApi.ts).
export * from './publicApi.js'
