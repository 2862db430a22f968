import { prefixPattern } from '../core/sqlPatterns.js'
import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { normalizeEmail } from '../../shared/clientIdentity.js'
import { normalizeForSearch, searchColumnsFor } from '../../shared/searchText.js'
import { nameSimilarity, NAME_MATCH_THRESHOLD } from '../../shared/nameSimilarity.js'
import { isMysqlFamily } from '../core/transaction.js'

export type DuplicateReason = 'sameEmail' | 'samePhone' | 'sameNameAndPostalCode' | 'closeName'

export interface LikelyDuplicate {
  id: number
  clientNumber: string
  lastName: string
  firstName: string | null
  reasons: DuplicateReason[]
}

export interface DuplicateProbe {
  /** The client being edited (left out of the answer). */
  id?: number | null
  email?: string | null
  phone?: string | null
  lastName?: string | null
  firstName?: string | null
  postalCode?: string | null
}

/** The last nine digits: `+33 6 12 34 56 78` and `06.12.34.56.78` are the same phone. */
const phoneKey = (phone: string | null | undefined) => {
  const digits = String(phone ?? '').replace(/\D/g, '')
  return digits.length >= 8 ? digits.slice(-9) : null
}

/**
 * Clients that are likely the same person: same email, same phone, same name and postal code,
 * or a close spelling of the name (Dupont/Dupond). One query (email and names starting with the
 * same three letters by index, phone by its digits), then scored here; deleted clients are left out.
 */
export async function findLikelyDuplicates(
  dataSource: DataSource,
  probe: DuplicateProbe,
  limit = 5,
): Promise<LikelyDuplicate[]> {
  const email = normalizeEmail(probe.email ?? null)
  const phone = phoneKey(probe.phone)
  const name = probe.lastName ? searchColumnsFor(probe.lastName, probe.firstName).searchName : null
  const prefix = probe.lastName ? normalizeForSearch(probe.lastName).slice(0, 3) : ''
  const conditions: string[] = []
  const qb = dataSource
    .getRepository(Client)
    .createQueryBuilder('c')
    .select(['c.id', 'c.clientNumber', 'c.lastName', 'c.firstName', 'c.email', 'c.phone', 'c.postalCode'])
    .addSelect('c.searchName')
    .where("c.status <> 'deleted'")
  if (probe.id) qb.andWhere('c.id <> :id', { id: probe.id })
  if (email) conditions.push('c.email = :email')
  // Phones are stored as typed: compared on their last nine digits (a scan of one column, only
  // when a client is created or edited).
  const digits =
    "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(c.phone, ' ', ''), '.', ''), '-', ''), '+', ''), '(', ''), ')', '')"
  if (phone) conditions.push(`${digits} LIKE :phone`)
  if (prefix.length >= 2) {
    conditions.push(mysqlPrefix(dataSource) ? 'c.searchName LIKE :prefix' : 'c.searchName GLOB :prefix')
  }
  if (conditions.length === 0) return []
  qb.andWhere(`(${conditions.join(' OR ')})`, {
    email,
    phone: `%${phone}`,
    prefix: prefixPattern(mysqlPrefix(dataSource), prefix),
  })
  const candidates = await qb.limit(500).getMany()
  const out: LikelyDuplicate[] = []
  for (const c of candidates) {
    const reasons: DuplicateReason[] = []
    if (email && c.email === email) reasons.push('sameEmail')
    if (phone && phoneKey(c.phone) === phone) reasons.push('samePhone')
    const similarity = name && c.searchName ? nameSimilarity(name, c.searchName) : 0
    const postal = String(probe.postalCode ?? '').replace(/\s/g, '')
    if (similarity === 1 && postal && postal === String(c.postalCode ?? '').replace(/\s/g, '')) {
      reasons.push('sameNameAndPostalCode')
    } else if (similarity >= NAME_MATCH_THRESHOLD) reasons.push('closeName')
    if (reasons.length > 0) {
      out.push({
        id: c.id,
        clientNumber: c.clientNumber,
        lastName: c.lastName,
        firstName: c.firstName,
        reasons,
      })
    }
  }
  const weight = (d: LikelyDuplicate) =>
    d.reasons.reduce(
      (w, r) => w + { sameEmail: 8, samePhone: 4, sameNameAndPostalCode: 2, closeName: 1 }[r],
      0,
    )
  return out.sort((a, b) => weight(b) - weight(a)).slice(0, limit)
}

const mysqlPrefix = isMysqlFamily
