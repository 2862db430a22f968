// The layer table: the ONE place the layers are declared. `.dependency-cruiser.mjs` builds its
// rules from it (`npm run lint` runs dependency-cruiser), `npm run layout` writes README's
// "Layout" table from it, and test/layers.test.ts checks both (README equal to what it gives,
// every folder of src in a row, every forbidden import refused).
//
// A row: `id` (the name rules and `imports` use), `folders` (as README shows them; a folder ends
// with `/`, `{a,b}` lists sibling folders), `holds`, `imports` (ids of the rows it may import),
// `typeOnly` (ids it may import with `import type` only), `node` (false: no node built-in, bare
// or `node:`), `packages` (when given, the only npm packages it may import). Rows are listed from
// the top layer down; data flows down and never back up. Every row may import its own files.

/** The service rooms, bottom first: a room imports only rooms listed before it. */
export const SERVICE_ROOMS = [
  'core',
  'tags',
  'customFields',
  'mail',
  'payments',
  'accounts',
  'lifecycle',
  'files',
  'gdpr',
  'list',
  'views',
  'export',
  'import',
  'campaigns',
]

/** What runs in the browser may import only these packages. */
const BROWSER_PACKAGES = [
  'react',
  'react-dom',
  'react-redux',
  'react-router',
  'react-router-dom',
  'adminjs',
  '@adminjs/design-system',
  'recharts',
  'zod',
]

/** Pure code, for the browser and the server: these packages only. */
const PURE_PACKAGES = ['libphonenumber-js', 'fastest-levenshtein', 'zod']

const every = (...except) =>
  [
    'entry',
    'mount',
    'options',
    'http',
    'resources',
    'actions',
    'hooks',
    ...SERVICE_ROOMS,
    'entities',
    'migrations',
    'componentIds',
    'components',
    'shared',
    'locale',
  ].filter((id) => !except.includes(id))

export const layout = [
  {
    id: 'entry',
    folders: ['src/index.ts', 'src/publicApi.ts', 'src/clientManagement.ts'],
    holds:
      '`createClientManagement`, `mountClientManagement`, the `ClientManagement` type; the rest of the public API re-exported in one list',
    imports: every('entry'),
  },
  {
    id: 'mount',
    folders: ['src/mount/'],
    holds:
      'the one-call mount (`mountClientManagement`), the plugin’s own DataSource with its table prefix and the preparation of its tables',
    imports: every('entry'),
    typeOnly: ['entry'],
  },
  {
    id: 'options',
    folders: ['src/options/'],
    holds:
      'the options of `createClientManagement`: composes each room’s own (`services/<room>/*Options.ts`) and checks the panel’s few (language, currency, navigation, resource id prefix)',
    imports: [...SERVICE_ROOMS, 'entities', 'shared'],
  },
  {
    id: 'http',
    folders: ['src/http/'],
    holds:
      'what the host’s admin router needs: `protectAdminRouter` (origin check, body limits, unknown routes, list parameters, recordIds, bulk POSTs without reading the records, downloads, error handler), the session-renewing auth provider, `sessionCookie`; the health routes, the resilient session store, async route handlers',
    imports: ['core', 'entities', 'shared'],
  },
  {
    id: 'resources',
    folders: ['src/resources/'],
    holds:
      'one AdminJS resource factory per file; `secureActions.ts` gives every action, at setup, its role check (core’s `accessControl.ts`), secret stripping (core’s `secrets.ts`) and validation; `pluginResource.ts` reads records by id and titles a person',
    imports: ['actions', 'hooks', ...SERVICE_ROOMS, 'entities', 'shared'],
    typeOnly: ['componentIds'],
  },
  {
    id: 'actions',
    folders: [
      'src/actions/index.ts',
      'src/actions/{core,client,clientFile,tags,contract,commission,importBatch,advisor,settings,dashboard,export,gdpr,emailTemplate,emailLog,views,customFields,campaign}/',
    ],
    holds:
      'one AdminJS action per file (`suspend.action.ts`): read the request, call one service function, shape the response; `actions/core/` holds what they share (`clientActionSpecs.ts`: the spec, the request read, the response; `bulkFormAction.ts`, `actionMenus.ts`)',
    imports: ['hooks', ...SERVICE_ROOMS, 'shared', 'locale'],
    typeOnly: ['componentIds', 'entities'],
  },
  {
    id: 'hooks',
    folders: ['src/hooks/'],
    holds:
      'before/after hooks shared by resources: payload normalisation, column validation, duplicates warning',
    imports: [...SERVICE_ROOMS, 'entities', 'shared'],
  },
  {
    id: 'core',
    folders: ['src/services/core/'],
    holds:
      'one state change = one transaction = one event: the transaction helper and the event writer (every history row) in `transaction.ts`, what the database answers instead of a result (`databaseFaults.ts`: a conflict, a lost connection), each advisor’s clients (`client_advisors`, every writer refreshes it), errors, secrets (stripped from every action’s answer), money, access control (the roles map and the guard every action gets), what a request carries (`requestValues.ts`: the actor and its IP, plain values, the action inputs’ reader `parseInput`) and the rooms’ function tables (`bindDeps`), core options (roles, logger, sessions), the configuration error; the client sessions’ generation and registry, the Galera node list',
    imports: ['entities', 'shared'],
  },
  {
    id: 'tags',
    folders: ['src/services/tags/'],
    holds:
      'tags on clients: the catalog (create, rename, recolour, delete), adding and removing them on one client or a selection (one `tags_changed` event per client), the chips of a page in one query, the links an import writes',
    imports: ['core', 'entities', 'shared'],
  },
  {
    id: 'customFields',
    folders: ['src/services/customFields/'],
    holds:
      'custom fields: the catalog of definitions (create, change, remove keeping the values), the clients’ typed values (read for a page in one query, written with one `custom_field_changed` event), the values read from a form with the schema built from the definitions',
    imports: ['core', 'entities', 'shared'],
  },
  {
    id: 'mail',
    folders: ['src/services/mail/'],
    holds:
      'the mail options, the outbox and the email templates (`template*`: catalog, strict Mustache renderer, store, history), the email log',
    imports: ['core', 'customFields', 'entities', 'shared', 'locale'],
  },
  {
    id: 'payments',
    folders: ['src/services/payments/'],
    holds: 'Stripe payment methods and the `stripe` option',
    imports: ['core', 'entities', 'shared'],
  },
  {
    id: 'accounts',
    folders: ['src/services/accounts/'],
    holds:
      'the client’s own account (registration, confirmation, login, 2FA, reset), password hashing (argon2 and bcrypt loaded at the first hash) and strength, tokens, security settings, login cost and the rate limiter; the account options',
    imports: ['core', 'mail', 'entities', 'shared'],
    // the lifecycle is handed to the accounts (`accounts.lifecycle`), which calls it: a type only
    typeOnly: ['lifecycle'],
  },
  {
    id: 'lifecycle',
    folders: ['src/services/lifecycle/'],
    holds:
      'the change engine and the status changes (`statusTransitions.ts`), their contract effects and emails, account changes (confirmation, 2FA, password, balance, notes), profile, the client’s emails, merge, contract bulk changes',
    imports: ['core', 'customFields', 'mail', 'accounts', 'entities', 'shared'],
  },
  {
    id: 'files',
    folders: ['src/services/files/'],
    holds:
      'the files kept on clients: `ClientFiles` (list, add, open, remove, purge after an erasure; gdpr reads it through a type), the storage providers (local disk, S3 signed by `sigv4.ts`), the type read from the bytes, the `files` option',
    imports: ['core', 'lifecycle', 'entities', 'shared'],
  },
  {
    id: 'gdpr',
    folders: ['src/services/gdpr/'],
    holds:
      'the GDPR archive, anonymisation (one client, or a batch), removal for good, retention, the erasure map',
    imports: ['core', 'lifecycle', 'entities', 'shared', 'locale'],
  },
  {
    id: 'list',
    folders: ['src/services/list/'],
    holds:
      'the client list and search, the Contract and Commission lists (`RecordList`), keyset pages, duplicates, the client page’s tabs, the dashboard, advisor summary, commission totals',
    imports: ['core', 'tags', 'customFields', 'entities', 'shared'],
  },
  {
    id: 'views',
    folders: ['src/services/views/'],
    holds:
      'saved views of a list: who sees and changes one, their parameters checked when saved and when applied, the count of each, `resolveViewQuery` (a view as another room uses it)',
    imports: ['core', 'list', 'entities', 'shared'],
  },
  {
    id: 'export',
    folders: ['src/services/export/'],
    holds:
      'list exports: the CSV writer (dialects, formula cells), the columns’ joins, `ListExport` (plan, keyset pages, audit entry)',
    imports: ['core', 'tags', 'customFields', 'list', 'entities', 'shared', 'locale'],
  },
  {
    id: 'import',
    folders: ['src/services/import/'],
    holds:
      'uploads kept in the database, the CSV source, row reading, planner, writer, import jobs with a lease and their worker (`clients.jobs`), undo, saved mappings',
    imports: ['core', 'tags', 'customFields', 'entities', 'shared'],
  },
  {
    id: 'campaigns',
    folders: ['src/services/campaigns/'],
    holds:
      'campaigns: the segment (a client list query) and its recipients with skip reasons, the frozen recipients, their release to the outbox at the throttle’s pace, pause/resume/cancel, progress, the signed unsubscribe link',
    imports: ['core', 'customFields', 'mail', 'lifecycle', 'list', 'views', 'entities', 'shared', 'locale'],
  },
  {
    id: 'entities',
    folders: ['src/entities/'],
    holds: 'TypeORM entities',
    imports: ['shared'],
  },
  {
    id: 'migrations',
    folders: ['src/migrations/'],
    holds: 'MySQL/MariaDB migrations (a migration keeps its own copy of any code it runs)',
    imports: ['shared'],
  },
  {
    id: 'componentIds',
    folders: ['src/components/index.ts'],
    holds: 'the server’s registry of the components (`ComponentLoader`), and their ids',
    imports: ['shared'],
  },
  {
    id: 'components',
    folders: [
      'src/components/{clientShow,clientList,common,actionForm,commissionImport,settings,dashboard,merge,advisor,export,gdpr,emailTemplate,tags,customFields,campaign}/',
    ],
    holds: 'React for the browser, registered once in `components/index.ts`',
    imports: ['shared'],
    typeOnly: [...SERVICE_ROOMS, 'entities'],
    node: false,
    packages: BROWSER_PACKAGES,
  },
  {
    id: 'shared',
    folders: ['src/shared/'],
    holds:
      'pure code for the browser and the server: languages, limits, client identity, search text, name similarity, the client page’s tabs, the export columns',
    imports: [],
    node: false,
    packages: PURE_PACKAGES,
  },
  {
    id: 'locale',
    folders: ['src/locale/index.ts', 'src/locale/{en,fr}/'],
    holds: 'translations, merged in `locale/index.ts`',
    imports: ['shared'],
    node: false,
    packages: ['adminjs'],
  },
]

/** Folders outside src that src never imports. */
export const NOT_IMPORTED_BY_SRC = ['demo', 'bench', 'test', 'examples', 'scripts', 'docs']

/** A row's folder as a path pattern: `src/actions/{a,b}/` → `^src/actions/(a|b)/`; `src/index.ts` → `^src/index[.]ts$`. */
export function folderPattern(folder) {
  const body = folder
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, names) => `(${names.split(',').join('|')})`)
  return `^${body}${folder.endsWith('/') ? '' : '$'}`
}
