import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm'
import { AdminAuditEntry } from '../../entities/AdminAuditEntry.js'
import { Campaign } from '../../entities/Campaign.js'
import { Client } from '../../entities/Client.js'
import { ClientAdvisor } from '../../entities/ClientAdvisor.js'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ClientFile } from '../../entities/ClientFile.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { ClientToken } from '../../entities/ClientToken.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { ImportBatch } from '../../entities/ImportBatch.js'
import { ImportUpload } from '../../entities/ImportUpload.js'
import { ImportUploadChunk } from '../../entities/ImportUploadChunk.js'
import { RateLimitCounter } from '../../entities/RateLimitCounter.js'
import { SavedView } from '../../entities/SavedView.js'

/**
 * What becomes of a column in the rows linked to the client (by its client column):
 * - `redact`: the text becomes `[redacted]`;
 * - `null`: emptied;
 * - `jsonValues`: every text value of the JSON becomes `[redacted]`, and every value under a
 *   change's from/to or an import's custom values whatever its kind (elsewhere keys, numbers, flags and the
 *   plugin's own codes stay: a restore still reads `previousStatus`, a reactivation its contract ids);
 * - `scrub`: only the client's identity values are cut out (an admin's email stays);
 * - `clientActed`: emptied on the rows the client itself wrote (`actorType = 'client'`: its IP);
 * - `anonymousName`, `derived`: the client row's new name, and the columns computed from it.
 */
export type LinkedErasure =
  'redact' | 'null' | 'jsonValues' | 'scrub' | 'clientActed' | 'anonymousName' | 'derived'

export interface ColumnErasure {
  /** In the client's own rows (the entry's `clientColumn` equals its id). */
  linked?: LinkedErasure
  /**
   * In the rows linked to no client (an export's search term, an import's conflict, an email
   * written without a client): the client's identity values, read before the anonymisation,
   * are cut out of the text (whole words, any case). Rows of other clients are theirs: untouched.
   */
  byValue?: boolean
}

/** One table of the erasure map. A host adds its own through the `erasure` option. */
export interface ErasureEntry {
  /** The entity (class or name given to TypeORM) whose table holds the data. */
  entity: EntityTarget<ObjectLiteral>
  /** The property holding the client's id: its rows are the client's. */
  clientColumn?: string
  /** The client's rows are deleted (its tokens) rather than rewritten. */
  deleteLinked?: boolean
  /** Property name → how it is erased. */
  columns: Record<string, ColumnErasure>
  /**
   * Erased by code of its own rather than by the generic passes: the client row itself,
   * the advisors' copy of its name, the uploads' bytes, the hashed rate-limit keys.
   */
  handledBy?:
    'anonymiseClients' | 'clientAdvisors' | 'uploadBytes' | 'rateLimitKeys' | 'clientFiles' | 'customValues'
}

const nulled: ColumnErasure = { linked: 'null' }
const redacted: ColumnErasure = { linked: 'redact', byValue: true }

/** The plugin's own tables: every column that can hold a client's personal data, free text included. */
export const PLUGIN_ERASURE_MAP: readonly ErasureEntry[] = [
  {
    entity: Client,
    clientColumn: 'id',
    handledBy: 'anonymiseClients',
    columns: {
      lastName: { linked: 'anonymousName' },
      firstName: nulled,
      email: nulled,
      phone: nulled,
      addressLine1: nulled,
      addressLine2: nulled,
      postalCode: nulled,
      city: nulled,
      country: nulled,
      statusReason: nulled,
      stripeCustomerId: nulled,
      lastLoginIp: nulled,
      passwordHash: nulled,
      twoFactorSecret: nulled,
      twoFactorRecoveryCodes: nulled,
      twoFactorEnabledAt: nulled,
      twoFactorLastStep: nulled,
      searchName: { linked: 'derived' },
      searchNameReversed: { linked: 'derived' },
      searchNameTail: { linked: 'derived' },
      searchPhone: nulled,
      searchEmailDomain: nulled,
      // The client's own choice: kept in its archive, gone with it (an anonymised client is never mailed).
      marketingConsent: nulled,
      marketingConsentAt: nulled,
      marketingConsentSource: nulled,
    },
  },
  {
    entity: ClientAdvisor,
    clientColumn: 'clientId',
    handledBy: 'clientAdvisors',
    columns: { lastName: { linked: 'derived' } },
  },
  {
    entity: ClientEvent,
    clientColumn: 'clientId',
    columns: {
      actor: { linked: 'scrub', byValue: true },
      ip: { linked: 'clientActed' },
      reason: redacted,
      changes: { linked: 'jsonValues', byValue: true },
      data: { linked: 'jsonValues', byValue: true },
    },
  },
  {
    entity: EmailLog,
    clientColumn: 'clientId',
    columns: {
      to: redacted,
      subject: redacted,
      body: redacted,
      error: { linked: 'null', byValue: true },
      actor: { linked: 'scrub', byValue: true },
      pendingContent: { linked: 'null', byValue: true },
    },
  },
  { entity: ClientNote, clientColumn: 'clientId', columns: { body: redacted } },
  // Names and notes cleared and the rows marked in the transaction, the stored bytes deleted after it (eraseFiles.ts).
  {
    entity: ClientFile,
    clientColumn: 'clientId',
    handledBy: 'clientFiles',
    columns: { originalName: { linked: 'redact' }, note: nulled },
  },
  // The values of the fields marked personal are deleted (eraseCustomValues.ts); the others stay.
  {
    entity: ClientCustomValue,
    clientColumn: 'clientId',
    handledBy: 'customValues',
    columns: {
      textValue: nulled,
      textKey: nulled,
      numberValue: nulled,
      dateValue: nulled,
      uniqueValue: nulled,
    },
  },
  { entity: ClientToken, clientColumn: 'clientId', deleteLinked: true, columns: {} },
  { entity: AdminAuditEntry, columns: { details: { byValue: true } } },
  // A segment's search term (`filters.q`) may be a client's name, and so may a campaign's name
  // (an admin's text, "Relance Dupont"), as a saved view's.
  { entity: Campaign, columns: { name: { byValue: true }, segment: { byValue: true } } },
  {
    entity: ImportBatch,
    columns: { fileName: { byValue: true }, errors: { byValue: true }, failure: { byValue: true } },
  },
  { entity: ImportUpload, columns: { fileName: { byValue: true }, layout: { byValue: true } } },
  { entity: ImportUploadChunk, handledBy: 'uploadBytes', columns: { data: { byValue: true } } },
  { entity: RateLimitCounter, handledBy: 'rateLimitKeys', columns: { key: { byValue: true } } },
  // A view's name is an admin's text and its parameters a search typed by one: either may name a
  // client ("Dupont à relancer", `filters.q=Dupont`), cut out like an export's search term.
  { entity: SavedView, columns: { name: { byValue: true }, params: { byValue: true } } },
]

/**
 * Text columns of the plugin's entities that hold no personal data of a client, each with why.
 * A text column in neither this list nor the map fails test/erasureMap.test.ts.
 */
export const NOT_PERSONAL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  clients: {
    clientNumber: "the firm's own key, kept so that accounting still adds up",
    locale: 'fr or en',
    status: 'a status code',
  },
  client_events: { type: 'an event code', actorType: 'admin, client or system' },
  email_logs: {
    template: 'a template key',
    status: 'an outbox status',
    messageId: 'a random id at the sender’s domain',
    claimedBy: 'a worker id',
  },
  client_admin_sessions: {
    id: 'a random session id of an admin',
    data: 'an admin’s panel session (who is logged in, the chosen language); no client’s data',
  },
  client_sessions: {
    sessionId: 'a random id of the host’s session store (the rows are deleted when the sessions end)',
  },
  client_notes: { author: 'the admin who wrote it (staff, not the client)' },
  client_files: {
    storageKey: 'a key the plugin made: client id and random hex',
    provider: 'the storage provider’s name',
    mimeType: 'the type detected from the bytes',
    visibility: 'admins or support',
    uploadedBy: 'the admin who added it (staff, not the client)',
  },
  client_tokens: {
    purpose: 'the link’s kind (the rows are deleted anyway)',
    tokenHash: 'a hash of a random token (the rows are deleted anyway)',
    issuedBy: 'the admin who asked for the link (the rows are deleted anyway)',
  },
  advisors: {
    code: 'staff, not clients',
    lastName: 'staff, not clients',
    firstName: 'staff, not clients',
    email: 'staff, not clients',
    phone: 'staff, not clients',
  },
  contracts: { reference: "the firm's contract code", product: 'a product name', status: 'a status code' },
  commissions: { status: 'a status code' },
  client_email_templates: {
    templateKey: 'a template key',
    language: 'fr or en',
    subject: 'written for every client, merge fields filled only when sent',
    textBody: 'written for every client, merge fields filled only when sent',
    htmlBody: 'written for every client, merge fields filled only when sent',
    updatedBy: 'the admin who edited it',
  },
  client_settings: { key: 'a setting name', value: 'a setting', updatedBy: 'the admin who set it' },
  client_settings_changes: { actor: 'the admin', ip: "the admin's IP", changes: 'settings, not clients' },
  client_admin_audit: {
    action: 'an audit code',
    actor: 'the admin',
    ip: "the admin's IP",
    resourceId: 'a resource id',
  },
  import_batches: {
    actor: 'the admin',
    actorIp: "the admin's IP",
    status: 'a job status',
    uploadId: 'a random id',
    leaseOwner: 'a worker id',
    matches: 'counts',
    identityDecisions: 'line numbers and attach/skip choices',
    mapping: 'column numbers',
    undoneBy: 'the admin',
  },
  import_uploads: { id: 'a random id' },
  // Tags are the admins' words for a kind of client, shared by many; a client's links to them
  // (client_tags, no text) go with the client removed for good (the foreign key's CASCADE).
  tags: {
    name: "the admins' word for a kind of client, shared by many (never a client's own data)",
    nameKey: 'the name in lower case, for its uniqueness',
    colour: 'a colour of the fixed palette',
    createdBy: 'the admin who created it',
  },
  import_upload_chunks: { uploadId: 'a random id' },
  saved_views: {
    resource: 'a resource id',
    columns: 'column names of the list',
    owner: 'the admin who saved it (staff, not the client)',
  },
  saved_view_defaults: { owner: 'the admin (staff, not the client)', resource: 'a resource id' },
  // The definitions the admins make; the clients' values are in client_custom_values (in the map).
  custom_fields: {
    key: 'a key the admins chose for a field',
    type: 'a type code',
    labelFr: "the admins' label of a field, the same for every client",
    labelEn: "the admins' label of a field, the same for every client",
    defaultValue: 'the value the admins give every new client',
    pattern: 'a regular expression the admins wrote',
    choices: "the admins' choices, the same for every client",
    visibility: 'everyone or admins only',
    createdBy: 'the admin who created it',
  },
  // A campaign is written for every client of its segment; its recipients hold ids and codes only.
  campaigns: {
    status: 'a campaign status',
    messages: 'written for every client, merge fields filled only when sent',
    templateKey: 'a template key',
    createdBy: 'the admin who created it',
    startedBy: 'the admin who started it',
    planCursor: 'where the freezing is: the last client id done',
  },
  campaign_recipients: { status: 'a recipient status', skipReason: 'a skip reason code' },
}

/** An entry with its table and column names as the database knows them (the host's prefix included). */
export interface ResolvedErasure extends ErasureEntry {
  table: string
  /** Property → column name. */
  names: Record<string, string>
}

/** The plugin's map then the host's entries, checked against TypeORM's metadata (an unknown column throws). */
export function resolveErasureMap(
  dataSource: DataSource,
  hostEntries: readonly ErasureEntry[] = [],
): ResolvedErasure[] {
  return [...PLUGIN_ERASURE_MAP, ...hostEntries].map((entry) => {
    const metadata = dataSource.getMetadata(entry.entity)
    // Rows are rewritten by their one primary key (rewriteRows.ts); the plugin's composite-key table has code of its own.
    if (!entry.handledBy && !entry.deleteLinked && metadata.primaryColumns.length !== 1)
      throw new Error(`erasure map: ${metadata.tableName} needs a single-column primary key`)
    const clientActed = Object.values(entry.columns).some((c) => c.linked === 'clientActed')
    if (clientActed && !metadata.findColumnWithPropertyName('actorType'))
      throw new Error(`erasure map: ${metadata.tableName} has no actorType column for 'clientActed'`)
    const names: Record<string, string> = {}
    for (const property of [
      ...Object.keys(entry.columns),
      ...(entry.clientColumn ? [entry.clientColumn] : []),
    ]) {
      const column = metadata.findColumnWithPropertyName(property)
      if (!column) throw new Error(`erasure map: ${metadata.tableName} has no column ${property}`)
      names[property] = column.databaseName
    }
    return { ...entry, table: metadata.tableName, names }
  })
}

/** Problems of the host's `erasure` option, as the other options report them. */
export function checkErasureOption(entries: unknown): string[] {
  if (entries === undefined) return []
  if (!Array.isArray(entries)) return ['erasure must be a list of { entity, clientColumn?, columns }']
  return entries.flatMap((e, i) =>
    e && typeof e === 'object' && 'entity' in e && e.columns && typeof e.columns === 'object'
      ? []
      : [`erasure[${i}] must be { entity, clientColumn?, columns: { property: { linked?, byValue? } } }`],
  )
}
