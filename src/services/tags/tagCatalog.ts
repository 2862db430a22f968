import { In, type DataSource, type EntityManager } from 'typeorm'
import { ClientTag } from '../../entities/ClientTag.js'
import { Tag } from '../../entities/Tag.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { readTagColour, readTagName, tagKey } from './tagInput.js'

// The firm's tags (issue 28): created, renamed, recoloured and deleted by admins. A client's
// history keeps the names its events were written with, whatever becomes of the tag.

/** Every tag, by name: what the pickers offer (a firm has tens of them, not thousands). */
export function allTags(dataSource: DataSource): Promise<Tag[]> {
  return dataSource.getRepository(Tag).find({ order: { nameKey: 'ASC' } })
}

async function refuseTaken(manager: EntityManager, name: string, except: number | null) {
  const other = await manager.getRepository(Tag).findOne({ where: { nameKey: tagKey(name) } })
  if (other && other.id !== except) throw new InvalidInputError({ name: 'tagNameTaken' })
}

/** A new tag; its name is free whatever its case. */
export async function createTag(
  dataSource: DataSource,
  actor: Actor,
  input: { name?: unknown; colour?: unknown },
): Promise<Tag> {
  const name = readTagName(input.name)
  const colour = readTagColour(input.colour)
  return inTransaction(dataSource, async (manager) => {
    await refuseTaken(manager, name, null)
    const tag = manager
      .getRepository(Tag)
      .create({ name, nameKey: tagKey(name), colour, createdBy: actor.email })
    return manager.getRepository(Tag).save(tag)
  })
}

/** Renames or recolours a tag (what is not sent stays). */
export async function updateTag(
  dataSource: DataSource,
  id: number,
  input: { name?: unknown; colour?: unknown },
): Promise<Tag> {
  const name = input.name === undefined ? undefined : readTagName(input.name)
  const colour = input.colour === undefined ? undefined : readTagColour(input.colour)
  return inTransaction(dataSource, async (manager) => {
    const tag = await manager.getRepository(Tag).findOne({ where: { id } })
    if (!tag) throw new ClientActionRefused('notFound')
    if (name !== undefined) {
      await refuseTaken(manager, name, id)
      Object.assign(tag, { name, nameKey: tagKey(name) })
    }
    if (colour !== undefined) tag.colour = colour
    return manager.getRepository(Tag).save(tag)
  })
}

/**
 * Deletes tags and their links; each client that carried one gets a `tags_changed` event naming
 * what it lost (the history keeps the name). Four statements whatever the number of clients.
 */
export async function deleteTags(dataSource: DataSource, actor: Actor, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0
  return inTransaction(dataSource, async (manager) => {
    const tags = await manager.getRepository(Tag).find({ where: { id: In(ids) } })
    if (tags.length === 0) return 0
    const names = new Map(tags.map((t) => [t.id, t.name]))
    const links = await manager
      .getRepository(ClientTag)
      .find({ select: { clientId: true, tagId: true }, where: { tagId: In([...names.keys()]) } })
    const lost = new Map<number, string[]>()
    for (const link of links)
      lost.set(link.clientId, [...(lost.get(link.clientId) ?? []), names.get(link.tagId)!])
    await insertEvents(
      manager,
      [...lost].map(([clientId, removed]) =>
        eventRow(actor, clientId, 'tags_changed', null, null, { added: [], removed: removed.sort() }),
      ),
    )
    // The links first: the same result on a database where foreign keys are not enforced.
    await manager.getRepository(ClientTag).delete({ tagId: In([...names.keys()]) })
    await manager.getRepository(Tag).delete({ id: In([...names.keys()]) })
    return tags.length
  })
}
