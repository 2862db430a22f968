import { prefixPattern } from '../core/sqlPatterns.js'
import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { NAME_MATCH_THRESHOLD, nameSimilarity } from '../../shared/nameSimilarity.js'
import { normalizeForSearch, searchColumnsFor } from '../../shared/searchText.js'
import { isMysqlFamily } from '../core/transaction.js'
import type { ParsedRow } from './importRows.js'
import type { ImportState } from './importState.js'

export interface NameCandidate {
  id: number
  name: string
  label: string
}

/** The key under which a client created by the file is found again by name, at its advisor. */
export const nameKey = (advisorId: number, row: { lastName: string | null; firstName: string | null }) =>
  `${advisorId}:${searchColumnsFor(row.lastName, row.firstName).searchName}`

/** Clients of the chunk's advisors whose name starts like one of the chunk's names: one query. */
export async function nameCandidates(
  manager: EntityManager,
  rows: ParsedRow[],
  state: ImportState,
): Promise<Map<number, NameCandidate[]>> {
  const pairs = new Map<string, { advisorId: number; prefix: string }>()
  for (const row of rows) {
    if (row.clientNumber || row.email || !row.lastName || !row.advisorCode) continue
    const advisorId = state.advisors.get(row.advisorCode.toUpperCase())
    const prefix = normalizeForSearch(row.lastName).slice(0, 3)
    if (advisorId === undefined || prefix.length === 0) continue
    pairs.set(`${advisorId}:${prefix}`, { advisorId, prefix })
  }
  const out = new Map<number, NameCandidate[]>()
  if (pairs.size === 0) return out
  const mysql = isMysqlFamily(manager.connection)
  const qb = manager
    .createQueryBuilder(Client, 'c')
    .select([
      'c.id AS id',
      'c.advisorId AS advisorId',
      'c.searchName AS name',
      'c.clientNumber AS number',
      'c.lastName AS lastName',
    ])
    .where("c.status <> 'deleted'")
  const conditions: string[] = []
  let i = 0
  for (const { advisorId, prefix } of pairs.values()) {
    conditions.push(`(c.advisorId = :a${i} AND c.searchName ${mysql ? 'LIKE' : 'GLOB'} :p${i})`)
    qb.setParameter(`a${i}`, advisorId)
    qb.setParameter(`p${i}`, prefixPattern(mysql, prefix))
    i += 1
  }
  qb.andWhere(`(${conditions.join(' OR ')})`)
  const rowsFound: { id: number; advisorId: number; name: string; number: string; lastName: string }[] =
    await qb.getRawMany()
  for (const r of rowsFound) {
    const list = out.get(Number(r.advisorId)) ?? []
    list.push({ id: Number(r.id), name: r.name, label: `${r.number} ${r.lastName}` })
    out.set(Number(r.advisorId), list)
  }
  return out
}

/** The candidate whose name is closest to the row's, if close enough, with its score. */
export function closestName(candidates: NameCandidate[], row: ParsedRow) {
  const name = searchColumnsFor(row.lastName, row.firstName).searchName
  let best: { id: number; score: number; label: string } | null = null
  for (const candidate of candidates) {
    const score = nameSimilarity(name, candidate.name)
    if (score >= NAME_MATCH_THRESHOLD && (!best || score > best.score)) {
      best = { id: candidate.id, score: Math.round(score * 100) / 100, label: candidate.label }
    }
  }
  return best
}
