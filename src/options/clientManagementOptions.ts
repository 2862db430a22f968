import type { DataSource } from 'typeorm'
import { clientManagementEntities } from '../entities/index.js'
import { ClientManagementConfigError, isObject } from '../services/core/configError.js'
import {
  checkCoreOptions,
  resolveCoreOptions,
  type CoreOptions,
  type CoreOptionsInput,
} from '../services/core/coreOptions.js'
import {
  checkAccountOptions,
  resolveAccountOptions,
  type AccountOptions,
  type AccountOptionsInput,
} from '../services/accounts/accountOptions.js'
import {
  checkMailOptions,
  resolveMailOptions,
  type MailOptions,
  type MailOptionsInput,
} from '../services/mail/mailOptions.js'
import {
  checkPaymentOptions,
  resolvePaymentOptions,
  type PaymentOptionsInput,
  type StripeLike,
} from '../services/payments/paymentOptions.js'
import { checkClientTabs, type ClientTabOption } from '../services/list/clientTabOptions.js'
import {
  checkImportLimits,
  resolveImportLimits,
  type ImportLimits,
} from '../services/import/importUploads.js'
import {
  checkJobOptions,
  resolveJobOptions,
  type ImportJobOptions,
  type ImportJobOptionsInput,
} from '../services/import/importJobOptions.js'
import { checkErasureOption, type ErasureEntry } from '../services/gdpr/erasureMap.js'
import {
  checkCampaignOptions,
  resolveCampaignOptions,
  type CampaignOptions,
  type CampaignOptionsInput,
} from '../services/campaigns/campaignOptions.js'
import {
  checkFileOptions,
  resolveFileOptions,
  type ClientFileOptions,
  type ResolvedFileOptions,
} from '../services/files/fileOptions.js'
import { DEFAULT_CURRENCY, isCurrencyCode } from '../shared/displayFormat.js'
import { LANGUAGES, isLanguage, type Language } from '../shared/language.js'
import { RESOURCE_PREFIX_PATTERN, resourceIdsFor, type ResourceIds } from '../shared/resourceIds.js'

// The options of `createClientManagement`: each room declares, checks and fills in its own
// (`services/<room>/*Options.ts`); this file composes them and holds the panel's own few.

/** What `createClientManagement` takes. */
export interface ClientManagementOptions
  extends MailOptionsInput, AccountOptionsInput, PaymentOptionsInput, CoreOptionsInput, CampaignOptionsInput {
  /** The host's TypeORM DataSource; its `entities` must include `clientManagementEntities`. */
  dataSource: DataSource
  /** The panel's default language. Default: `fr`. */
  language?: Language
  /** ISO 4217 code of the balances, premiums and commissions, shown with `Intl.NumberFormat`. Default: `EUR`. */
  currency?: string
  /** Navigation group the resources appear under in the sidebar; `null` for none. */
  navigation?: { name: string; icon?: string } | null
  /** Tabs of the client page listing the host's own resources that reference the client. */
  clientTabs?: ClientTabOption[]
  /** Bounds of a commission CSV upload, and where the multipart parser writes it (see ImportLimits). */
  imports?: Partial<ImportLimits>
  /**
   * Put before the plugin's resource ids (`Crm` gives `CrmClient`, `CrmContract`…) when the host
   * already has a resource with one of them. Default none. Role maps keep the plain names.
   */
  resourceIdPrefix?: string
  /** How this process runs import jobs: lease, heartbeat, poll interval, or none (see ImportJobOptions). */
  jobs?: ImportJobOptionsInput
  /**
   * Your own tables that hold a client's personal data, added to the erasure map that an
   * anonymisation applies and the GDPR archive reads, e.g.
   * `[{ entity: Ticket, clientColumn: 'clientId', columns: { subject: { linked: 'redact', byValue: true } } }]`.
   */
  erasure?: ErasureEntry[]
  /** The files kept on clients: storage (local directory, S3, yours) and limits (see ClientFileOptions). */
  files?: ClientFileOptions
}

/** Every option checked and filled in with its default. */
export interface ResolvedOptions extends MailOptions, AccountOptions, CoreOptions {
  dataSource: DataSource
  stripe: StripeLike | null
  language: Language
  currency: string
  navigation: { name: string; icon?: string } | null
  clientTabs: ClientTabOption[]
  imports: ImportLimits
  resourceIdPrefix: string
  /** The AdminJS id of each of the plugin's resources, prefix included. */
  resourceIds: ResourceIds
  jobs: ImportJobOptions
  erasure: ErasureEntry[]
  files: ResolvedFileOptions
  campaigns: CampaignOptions
}

/** The options in the order they are documented: the problems are listed in it. */
const OPTION_ORDER = [
  'dataSource',
  'mailer',
  'mailFrom',
  'links',
  'impersonation',
  'tokenLifetimes',
  'stripe',
  'hashing',
  'autoConfirmRegistration',
  'twoFactorIssuer',
  'companyName',
  'logger',
  'roles',
  'roleOf',
  'language',
  'currency',
  'clientTabs',
  'imports',
  'resourceIdPrefix',
  'outbox',
  'jobs',
  'erasure',
  'sessions',
  'files',
  'campaigns',
]
const rank = (problem: string) => {
  const at = OPTION_ORDER.indexOf(/^[A-Za-z]+/.exec(problem)?.[0] ?? '')
  return at === -1 ? OPTION_ORDER.length : at
}

function checkDataSource(ds: unknown): string[] {
  if (!isObject(ds) || typeof (ds as { getRepository?: unknown }).getRepository !== 'function') {
    return ['dataSource is required: pass your TypeORM DataSource']
  }
  const { entities } = (ds as unknown as DataSource).options
  const listed = Array.isArray(entities) ? entities : Object.values(entities ?? {})
  const missing = clientManagementEntities.filter((e) => !listed.includes(e)).map((e) => e.name)
  return missing.length > 0
    ? [`dataSource.entities lacks ${missing.join(', ')}: add ...clientManagementEntities to your DataSource`]
    : []
}

/** Checks every option up front and says everything that is wrong at once. */
export function resolveOptions(options: ClientManagementOptions): ResolvedOptions {
  if (!isObject(options)) throw new ClientManagementConfigError(['options must be an object'])
  const language = options.language ?? 'fr'
  const currency = options.currency ?? DEFAULT_CURRENCY
  const prefix = options.resourceIdPrefix ?? ''
  const problems = [
    ...checkDataSource(options.dataSource),
    ...checkMailOptions(options),
    ...checkAccountOptions(options),
    ...checkPaymentOptions(options),
    ...checkCoreOptions(options),
    ...(isLanguage(language) ? [] : [`language must be one of ${LANGUAGES.join(', ')}`]),
    ...(isCurrencyCode(currency) ? [] : ['currency must be an ISO 4217 code such as "EUR" or "CHF"']),
    ...checkClientTabs(options.clientTabs),
    ...checkImportLimits(options.imports),
    ...(prefix !== '' && (typeof prefix !== 'string' || !RESOURCE_PREFIX_PATTERN.test(prefix))
      ? ["resourceIdPrefix must be letters, digits or _ starting with a letter, e.g. 'Crm'"]
      : []),
    ...checkJobOptions(options.jobs),
    ...checkErasureOption(options.erasure),
    ...checkFileOptions(options.files),
    ...checkCampaignOptions(options),
  ]
  if (problems.length > 0) {
    const ordered = problems
      .map((p, i) => [p, i] as const)
      .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    throw new ClientManagementConfigError(ordered.map(([p]) => p))
  }
  return {
    dataSource: options.dataSource,
    ...resolveMailOptions(options),
    ...resolveAccountOptions(options, options.mailFrom),
    ...resolvePaymentOptions(options),
    ...resolveCoreOptions(options),
    language,
    currency,
    navigation:
      options.navigation === undefined ? { name: 'clientManagement', icon: 'Users' } : options.navigation,
    clientTabs: (options.clientTabs ?? []).map((t) => ({ ...t, columns: [...t.columns] })),
    imports: resolveImportLimits(options.imports),
    resourceIdPrefix: prefix,
    resourceIds: resourceIdsFor(prefix),
    jobs: resolveJobOptions(options.jobs),
    erasure: [...(options.erasure ?? [])],
    files: resolveFileOptions(options.files),
    ...resolveCampaignOptions(options),
  }
}
