import { In, type EntityManager } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ImportUploadChunk } from '../../entities/ImportUploadChunk.js'
import { RateLimitCounter } from '../../entities/RateLimitCounter.js'
import { normalizeEmail } from '../../shared/clientIdentity.js'
import { rateLimitKey } from '../core/rateLimitKey.js'
import type { Identity } from './scrubByValue.js'

// The rate-limit buckets keyed by a client's email (accounts/limitAnonymous.ts, authenticateClient.ts).
const ADDRESS_BUCKETS = ['register:address', 'passwordReset:address', 'confirmationResend:address']

/**
 * The rate-limit counters whose key was made from these clients' emails: the per-address buckets,
 * and the failed-login one for each IP the client was seen at (its last login, its own history).
 * A counter keyed by an IP alone says nothing of the client; all of them expire with their window.
 */
export async function eraseRateLimitKeys(manager: EntityManager, clients: readonly Client[]): Promise<void> {
  const ids = clients.map((c) => c.id)
  const seen = await manager
    .createQueryBuilder(ClientEvent, 'v')
    .select('v.clientId', 'clientId')
    .addSelect('v.ip', 'ip')
    .distinct(true)
    .where('v.clientId IN (:...ids)', { ids })
    .andWhere('v.ip IS NOT NULL')
    .getRawMany<{ clientId: number; ip: string }>()
  const keys: string[] = []
  for (const client of clients) {
    const address = normalizeEmail(client.email)?.slice(0, 255)
    if (!address) continue
    for (const bucket of ADDRESS_BUCKETS) keys.push(rateLimitKey(bucket, [address]))
    const ips = seen.filter((s) => Number(s.clientId) === client.id).map((s) => s.ip)
    for (const ip of new Set([null, client.lastLoginIp, ...ips]))
      keys.push(rateLimitKey('login', [address, ip]))
  }
  for (let i = 0; i < keys.length; i += 500)
    await manager.delete(RateLimitCounter, { key: In(keys.slice(i, i + 500)) })
}

// Bytes as one character each: a value is looked for as UTF-8 and as Windows-1252 bytes.
const asBytes = (text: string, encoding: 'utf8' | 'latin1') => Buffer.from(text, encoding).toString('latin1')
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The uploaded CSVs still kept (a day at most, or until their import ends) that name these
 * clients: each value overwritten by as many `x` as it has bytes, so pieces keep their size
 * and a value across two pieces is found too. Reads every stored upload once, a piece at a time.
 */
export async function scrubUploads(manager: EntityManager, identity: Identity): Promise<void> {
  if (identity.values.length === 0) return
  const forms = new Set(identity.values.flatMap((v) => [asBytes(v, 'utf8'), asBytes(v, 'latin1')]))
  const pattern = new RegExp(
    `(?<![A-Za-z0-9])(?:${[...forms].map(escapeRegExp).join('|')})(?![A-Za-z0-9])`,
    'gi',
  )
  const uploads = await manager
    .createQueryBuilder(ImportUploadChunk, 'k')
    .select('DISTINCT k.uploadId', 'uploadId')
    .getRawMany<{ uploadId: string }>()
  for (const { uploadId } of uploads) {
    const pieces = await manager.find(ImportUploadChunk, { where: { uploadId }, order: { seq: 'ASC' } })
    const whole = Buffer.concat(pieces.map((p) => Buffer.from(p.data))).toString('latin1')
    const scrubbed = whole.replace(pattern, (m) => 'x'.repeat(m.length))
    if (scrubbed === whole) continue
    const bytes = Buffer.from(scrubbed, 'latin1')
    let offset = 0
    for (const piece of pieces) {
      const size = Buffer.from(piece.data).length
      const data = bytes.subarray(offset, offset + size)
      offset += size
      if (!data.equals(Buffer.from(piece.data)))
        await manager.update(ImportUploadChunk, { uploadId, seq: piece.seq }, { data })
    }
  }
}
