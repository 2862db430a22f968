import type { DataSource } from 'typeorm'
import type { Actor } from '../../services/core/requestValues.js'
import type { LifecycleResult } from '../../services/lifecycle/statusTransitions.js'
import { changeClientTags } from '../../services/tags/clientTagChanges.js'
import { readTagNames } from '../../services/tags/tagInput.js'
import type { TagChangeInput } from '../../shared/actionInputs/tags.js'

/**
 * Adds or removes the form's tags (each name checked: a field error on `tags` otherwise; a new
 * name creates the tag) and answers as the client actions' notices read it (no email sent).
 */
export async function changeTags(
  dataSource: DataSource,
  actor: Actor,
  ids: number[],
  direction: 'add' | 'remove',
  input: TagChangeInput,
): Promise<LifecycleResult> {
  const names = readTagNames(input.tags)
  const change = direction === 'add' ? { add: names, remove: [] } : { add: [], remove: names }
  const { changed, skipped } = await changeClientTags(dataSource, actor, ids, change, { create: true })
  return { changed, skipped, emails: { queued: 0, failed: 0, error: null } }
}
