import type { EntityManager } from 'typeorm'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { CustomField } from '../../entities/CustomField.js'

/**
 * The values of the custom fields marked personal (removed fields included), deleted for these
 * clients (the erasure map's `customValues`): one DELETE. The other fields' values stay (a risk
 * profile says nothing of who the person was); the history's copies are redacted with the rest
 * of its JSON (`jsonValues`).
 */
export async function eraseCustomValues(manager: EntityManager, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  const personal = manager
    .createQueryBuilder()
    .subQuery()
    .select('f.id')
    .from(CustomField, 'f')
    .where('f.personal = :personal')
    .getQuery()
  await manager
    .createQueryBuilder()
    .delete()
    .from(ClientCustomValue)
    .where('clientId IN (:...ids)', { ids })
    .andWhere(`fieldId IN ${personal}`, { personal: true })
    .execute()
}
