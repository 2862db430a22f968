import { In, type EntityManager, type DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientTag } from '../../entities/ClientTag.js'
import { Tag } from '../../entities/Tag.js'
import type { Actor } from '../core/requestValues.js'
import { chunks, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { InvalidInputError, type RefusalReason } from '../core/errors.js'
import { tagKey } from './tagInput.js'
import { insertTagLinks } from './tagLinks.js'

export interface TagChange {
  /** Names to put on the clients; a name no tag has yet is created when `create` is set. */
  add: string[]
  /** Names to take off; an unknown one is a field error. */
  remove: string[]
}

export interface TagChangeResult {
  /** Clients whose tags changed (one `tags_changed` event each). */
  changed: number[]
  /** Clients asked for that are not there, or frozen (anonymised), with why. */
  skipped: { id: number; reason: RefusalReason; clientNumber: string | null }[]
  /** Tags created by this change. */
  created: string[]
}

/** The tags of these names; the missing ones created (or a field error when `create` is off). */
async function tagsNamed(
  manager: EntityManager,
  actor: Actor,
  names: string[],
  create: boolean,
  field: string,
) {
  if (names.length === 0) return { byKey: new Map<string, Tag>(), created: [] as string[] }
  const repository = manager.getRepository(Tag)
  const found = await repository.find({ where: { nameKey: In(names.map(tagKey)) } })
  const byKey = new Map(found.map((t) => [t.nameKey, t]))
  const missing = names.filter((n) => !byKey.has(tagKey(n)))
  if (missing.length > 0 && !create) throw new InvalidInputError({ [field]: 'unknownTag' })
  if (missing.length > 0) {
    const rows = missing.map((name) => ({
      name,
      nameKey: tagKey(name),
      colour: 'grey',
      createdBy: actor.email,
    }))
    await manager.createQueryBuilder().insert().into(Tag).values(rows).updateEntity(false).execute()
    for (const tag of await repository.find({ where: { nameKey: In(missing.map(tagKey)) } }))
      byKey.set(tag.nameKey, tag)
  }
  return { byKey, created: missing }
}

/**
 * Adds and removes tags on one client or a selection, in one transaction: one `tags_changed`
 * event per client whose tags changed (with the names added and removed), none for a client
 * that already had them. A fixed number of statements whatever the selection's size (per
 * thousand clients: the IN lists are cut there): the tags, the clients, their links, one
 * INSERT, one DELETE, one INSERT of events.
 */
export async function changeClientTags(
  dataSource: DataSource,
  actor: Actor,
  clientIds: number[],
  change: TagChange,
  options: { create: boolean },
): Promise<TagChangeResult> {
  if (change.add.length === 0 && change.remove.length === 0)
    throw new InvalidInputError({ tags: 'tagsRequired' })
  return inTransaction(dataSource, async (manager) => {
    const removing = (await tagsNamed(manager, actor, change.remove, false, 'tags')).byKey
    const { byKey: adding, created } = await tagsNamed(manager, actor, change.add, options.create, 'tags')
    const clients: Pick<Client, 'id' | 'clientNumber' | 'anonymisedAt'>[] = []
    const links: Pick<ClientTag, 'clientId' | 'tagId'>[] = []
    const tagIds = [...adding.values(), ...removing.values()].map((t) => t.id)
    for (const part of chunks(clientIds)) {
      clients.push(
        ...(await manager.getRepository(Client).find({
          select: { id: true, clientNumber: true, anonymisedAt: true },
          where: { id: In(part) },
        })),
      )
      links.push(
        ...(await manager.getRepository(ClientTag).find({
          select: { clientId: true, tagId: true },
          where: { clientId: In(part), tagId: In(tagIds) },
        })),
      )
    }
    const has = new Set(links.map((l) => `${l.clientId}:${l.tagId}`))
    const present = new Map(clients.map((c) => [c.id, c]))
    const skipped: TagChangeResult['skipped'] = []
    const inserts: { clientId: number; tagId: number }[] = []
    const deletes: number[] = []
    const events = []
    for (const id of clientIds) {
      const client = present.get(id)
      if (!client) skipped.push({ id, reason: 'notFound', clientNumber: null })
      else if (client.anonymisedAt)
        skipped.push({ id, reason: 'isAnonymised', clientNumber: client.clientNumber })
      if (!client || client.anonymisedAt) continue
      const added = [...adding.values()].filter((t) => !removing.has(t.nameKey) && !has.has(`${id}:${t.id}`))
      const removed = [...removing.values()].filter((t) => has.has(`${id}:${t.id}`))
      inserts.push(...added.map((t) => ({ clientId: id, tagId: t.id })))
      if (removed.length > 0) deletes.push(id)
      if (added.length + removed.length === 0) continue
      events.push(
        eventRow(actor, id, 'tags_changed', null, null, {
          added: added.map((t) => t.name).sort(),
          removed: removed.map((t) => t.name).sort(),
        }),
      )
    }
    await insertTagLinks(manager, inserts)
    if (removing.size > 0) {
      for (const part of chunks(deletes)) {
        const ids = [...removing.values()].map((t) => t.id)
        await manager.getRepository(ClientTag).delete({ clientId: In(part), tagId: In(ids) })
      }
    }
    await insertEvents(manager, events)
    return { changed: events.map((e) => e.clientId!), skipped, created }
  })
}
