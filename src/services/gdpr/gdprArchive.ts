import { strToU8, zipSync } from 'fflate'
import type { DataSource, EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientAdvisor } from '../../entities/ClientAdvisor.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ClientFile } from '../../entities/ClientFile.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { ClientTag } from '../../entities/ClientTag.js'
import { ClientToken } from '../../entities/ClientToken.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { CLIENT_COLUMNS } from '../../shared/clientColumns.js'
import { translateMessage } from '../../locale/index.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused } from '../core/errors.js'
import { withoutSecrets } from '../core/secrets.js'
import type { ErasedFilePurge } from './eraseFiles.js'
import { resolveErasureMap, type ErasureEntry } from './erasureMap.js'

// The profile: the client's id and every column a person may read (no secret, no search column).
const PROFILE = ['id', ...CLIENT_COLUMNS] as const

const LOGIN_EVENTS = ['login', 'login_failed'] as const

type Documents = Record<string, unknown>

// The map's tables with a document of their own above; any other linked table (the host's) gets `<table>.json`.
const DOCUMENTED = new Set<unknown>([
  Client,
  ClientAdvisor,
  ClientEvent,
  EmailLog,
  ClientNote,
  ClientToken,
  ClientFile,
])

/** The client's rows of the map's other tables (the host's own), one document per table, secrets left out. */
async function mappedDocuments(
  manager: EntityManager,
  clientId: number,
  hostErasure: readonly ErasureEntry[],
): Promise<Documents> {
  const out: Documents = {}
  for (const entry of resolveErasureMap(manager.connection, hostErasure)) {
    if (!entry.clientColumn || DOCUMENTED.has(entry.entity)) continue
    const rows = await manager.find(entry.entity, { where: { [entry.clientColumn]: clientId } })
    out[`${entry.table}.json`] = rows.map((row) => withoutSecrets({ ...row }))
  }
  return out
}

/** The documents of the archive, by file name: everything kept about the client, and no secret. */
async function documentsOf(manager: EntityManager, client: Client): Promise<Documents> {
  const clientId = client.id
  const [contracts, commissions, emails, history, notes, tokens, tags] = await Promise.all([
    manager.find(Contract, { where: { clientId }, order: { id: 'ASC' } }),
    manager.find(Commission, { where: { clientId }, order: { id: 'ASC' } }),
    manager.find(EmailLog, { where: { clientId }, order: { id: 'ASC' } }),
    manager.find(ClientEvent, { where: { clientId }, order: { id: 'ASC' } }),
    manager.find(ClientNote, { where: { clientId }, order: { id: 'ASC' } }),
    // Their hashes are never selected (select: false); when and what for is the client's data.
    manager.find(ClientToken, { where: { clientId }, order: { id: 'ASC' } }),
    manager.find(ClientTag, { where: { clientId }, relations: { tag: true }, order: { createdAt: 'ASC' } }),
  ])
  const profile = Object.fromEntries(PROFILE.map((key) => [key, client[key] ?? null]))
  return {
    'profile.json': profile,
    'contracts.json': contracts,
    'commissions.json': commissions,
    'emails.json': emails.map((e) => withoutSecrets({ ...e })),
    'history.json': history.map((v) => withoutSecrets({ ...v })),
    'notes.json': notes,
    // The firm's tags on the client (the names are the admins' words; since when is the client's).
    'tags.json': tags.map((t) => ({ name: t.tag?.name ?? null, taggedAt: t.createdAt })),
    // No consent is collected by the plugin itself: what the client agreed to by using the account.
    'consents.json': {
      emailConfirmedAt: client.emailConfirmedAt,
      twoFactorEnabledAt: client.twoFactorEnabledAt,
      locale: client.locale,
    },
    'logins.json': {
      lastLoginAt: client.lastLoginAt,
      lastLoginIp: client.lastLoginIp,
      attempts: history
        .filter((v) => (LOGIN_EVENTS as readonly string[]).includes(v.type))
        .map((v) => ({ at: v.createdAt, ip: v.ip, succeeded: v.type === 'login' })),
    },
    'tokens.json': tokens.map((t) => ({
      purpose: t.purpose,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      usedAt: t.usedAt,
    })),
  }
}

/**
 * A client's data as one ZIP (the right of access and to portability): a JSON document per kind
 * and a README saying what each holds, in the client's language. No secret is ever selected
 * (password and 2FA hashes, recovery codes, token hashes). Recorded by a `data_exported` event,
 * in the transaction that reads the data. The client's files: `files.json` lists them all, and
 * their bytes are under `files/` up to the `files.archiveMaxBytes` option (read before the
 * transaction: a slow storage holds no lock).
 */
export async function gdprArchive(
  dataSource: DataSource,
  actor: Actor,
  clientId: number,
  hostErasure: readonly ErasureEntry[] = [],
  clientFiles?: ErasedFilePurge,
): Promise<{ fileName: string; zip: Uint8Array }> {
  const attached = clientFiles ? await clientFiles.archiveEntries(clientId) : null
  return inTransaction(dataSource, async (manager) => {
    const client = await manager.findOneBy(Client, { id: clientId })
    if (!client) throw new ClientActionRefused('notFound')
    const documents = {
      ...(await documentsOf(manager, client)),
      ...(await mappedDocuments(manager, client.id, hostErasure)),
      ...(attached ? { 'files.json': attached.list } : {}),
    }
    const files: Record<string, Uint8Array> = {}
    for (const [name, document] of Object.entries(documents)) {
      files[name] = strToU8(`${JSON.stringify(document, null, 2)}\n`)
    }
    const language = client.locale === 'en' ? 'en' : 'fr'
    const readme = translateMessage(language, 'gdprArchiveReadme', {
      clientNumber: client.clientNumber,
      date: new Date().toISOString(),
    })
    files['README.txt'] = strToU8(`${readme}\n`)
    Object.assign(files, attached?.bytes ?? {})
    await insertEvents(manager, [
      eventRow(actor, client.id, 'data_exported', null, null, { files: Object.keys(files).sort() }),
    ])
    return { fileName: `client-${client.clientNumber}-data.zip`, zip: zipSync(files, { level: 6 }) }
  })
}
