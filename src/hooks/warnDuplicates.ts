import { ValidationError, type Before } from 'adminjs'
import type { DataSource } from 'typeorm'
import { findLikelyDuplicates } from '../services/list/clientDuplicates.js'

/**
 * Before a client is created or edited: if it is likely someone already there, the save stops
 * with the duplicates listed next to the "save anyway" checkbox (`ignoreDuplicates`), which the
 * admin ticks to go on. The list travels in the field error, read by the DuplicateCheck component.
 */
export function warnDuplicates(dataSource: DataSource): Before {
  return async (request, context) => {
    if (request.method !== 'post' || !request.payload) return request
    const payload = request.payload as Record<string, unknown>
    const { ignoreDuplicates, ...rest } = payload
    if (ignoreDuplicates === true || ignoreDuplicates === 'true') return { ...request, payload: rest }
    const current = context.record?.params ?? {}
    const value = (field: string) =>
      (field in payload ? payload[field] : current[field]) as string | null | undefined
    // An edit that leaves who the client is alone (address, advisor…) is not asked again.
    const identity = ['email', 'phone', 'lastName', 'firstName', 'postalCode']
    if (context.record && identity.every((f) => String(value(f) ?? '') === String(current[f] ?? ''))) {
      return { ...request, payload: rest }
    }
    const duplicates = await findLikelyDuplicates(dataSource, {
      id: context.record ? Number(context.record.id()) : null,
      email: value('email'),
      phone: value('phone'),
      lastName: value('lastName'),
      firstName: value('firstName'),
      postalCode: value('postalCode'),
    })
    if (duplicates.length === 0) return { ...request, payload: rest }
    throw new ValidationError(
      { ignoreDuplicates: { message: 'possibleDuplicate', type: 'possibleDuplicate', duplicates } as never },
      { message: 'possibleDuplicateNotice', type: 'possibleDuplicate' },
    )
  }
}
