import type { DataSource } from 'typeorm'
import { Setting } from '../../entities/Setting.js'
import type { Actor } from '../core/requestValues.js'
import type { ImportMapping } from './importRows.js'

const MAPPINGS_KEY = 'importMappings'
/** Longest name a mapping is saved under. */
const MAPPING_NAME_LENGTH = 60

export type SavedMappings = Record<string, Record<string, number>>

/** The column mappings admins saved by name, in one Setting row. */
export async function savedMappings(dataSource: DataSource): Promise<SavedMappings> {
  const row = await dataSource.getRepository(Setting).findOneBy({ key: MAPPINGS_KEY })
  return (row?.value as SavedMappings | undefined) ?? {}
}

/** Saves a mapping under its name (trimmed, cut short); a blank name saves nothing. */
export async function saveMapping(
  dataSource: DataSource,
  actor: Actor,
  rawName: unknown,
  mapping: ImportMapping,
): Promise<void> {
  const name = String(rawName ?? '')
    .trim()
    .slice(0, MAPPING_NAME_LENGTH)
  if (!name) return
  const saved = await savedMappings(dataSource)
  // The admin's right to create tags goes with the import, not with the mapping.
  const { createTags: _right, ...columns } = mapping
  await dataSource.getRepository(Setting).save({
    key: MAPPINGS_KEY,
    value: { ...saved, [name]: columns as Record<string, number> },
    updatedBy: actor.email,
  })
}
