import type { DataSource } from 'typeorm'
import { ClientTag } from '../../entities/ClientTag.js'
import { Tag } from '../../entities/Tag.js'
import { isTagColour, type TagChip } from '../../shared/tags.js'
import { chunks } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'

/**
 * The tags of these clients, by client, each list by name: one query for a page of the list
 * (the links' primary key leads with the client), whatever the number of tags.
 */
export async function tagsOfClients(
  dataSource: DataSource,
  clientIds: number[],
): Promise<Map<number, TagChip[]>> {
  const byClient = new Map<number, TagChip[]>(clientIds.map((id) => [id, []]))
  // Plain SQL: a page of the list asks it, and TypeORM's builder costs more than the query.
  const links = tableOf(dataSource, ClientTag)
  const tags = tableOf(dataSource, Tag)
  for (const part of chunks([...new Set(clientIds)])) {
    const rows: { clientId: number | string; id: number | string; name: string; colour: string }[] =
      await dataSource.query(
        `SELECT ct.clientId AS clientId, t.id AS id, t.name AS name, t.colour AS colour FROM ${links} ct INNER JOIN ${tags} t ON t.id = ct.tagId WHERE ct.clientId IN (${part.map(() => '?').join(', ')}) ORDER BY t.nameKey ASC`,
        part,
      )
    for (const row of rows) {
      const chip = {
        id: Number(row.id),
        name: row.name,
        colour: isTagColour(row.colour) ? row.colour : 'grey',
      }
      byClient.get(Number(row.clientId))?.push(chip)
    }
  }
  return byClient
}

/** "VIP, Relance": the names of a client's tags as a text (export, archive). */
export const tagNamesText = (chips: TagChip[] | undefined): string =>
  (chips ?? []).map((c) => c.name).join(', ')

/** Each row (an export's, with its `id`) given `tags`: its client's tag names (one query for them all). */
export async function withTagNames(dataSource: DataSource, rows: Record<string, unknown>[]): Promise<void> {
  const tags = await tagsOfClients(
    dataSource,
    rows.map((row) => Number(row.id)),
  )
  for (const row of rows) row.tags = tagNamesText(tags.get(Number(row.id)))
}
