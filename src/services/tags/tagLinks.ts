import { In, type EntityManager } from 'typeorm'
import { ClientTag } from '../../entities/ClientTag.js'
import { Tag } from '../../entities/Tag.js'
import type { Actor } from '../core/requestValues.js'
import { chunks } from '../core/transaction.js'
import { tagKey } from './tagInput.js'

/**
 * Inside a caller's transaction (an import's chunk): puts these tags on these new clients, the
 * names no tag has yet created (grey). Three statements at most, whatever the number of clients:
 * the tags, the new ones, the links. No event of its own: the caller's event names the tags.
 */
export async function linkTagsByName(
  manager: EntityManager,
  actor: Actor,
  pairs: { clientId: number; names: string[] }[],
): Promise<void> {
  const wanted = new Map<string, string>()
  for (const pair of pairs) for (const name of pair.names) wanted.set(tagKey(name), name)
  if (wanted.size === 0) return
  const repository = manager.getRepository(Tag)
  const keys = [...wanted.keys()]
  const found = await repository.find({ where: { nameKey: In(keys) } })
  const missing = keys.filter((key) => !found.some((t) => t.nameKey === key))
  if (missing.length > 0) {
    const rows = missing.map((key) => ({
      name: wanted.get(key)!,
      nameKey: key,
      colour: 'grey',
      createdBy: actor.email,
    }))
    // orIgnore: a tag of the same name created meanwhile is the same tag.
    await manager
      .createQueryBuilder()
      .insert()
      .into(Tag)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute()
    found.push(...(await repository.find({ where: { nameKey: In(missing) } })))
  }
  const ids = new Map(found.map((t) => [t.nameKey, t.id]))
  const links = pairs.flatMap((pair) =>
    [...new Set(pair.names.map((n) => ids.get(tagKey(n))))].flatMap((tagId) =>
      tagId === undefined ? [] : [{ clientId: pair.clientId, tagId }],
    ),
  )
  await insertTagLinks(manager, links)
}

/** Links clients to tags, a chunk a statement; a link already there (another admin's) is the same link. */
export async function insertTagLinks(
  manager: EntityManager,
  links: { clientId: number; tagId: number }[],
): Promise<void> {
  for (const part of chunks(links)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClientTag)
      .values(part)
      .orIgnore()
      .updateEntity(false)
      .execute()
  }
}
