import { useEffect, useState } from 'react'
import { ApiClient } from 'adminjs'
import type { CustomFieldDefinition, CustomValue } from '../../shared/customFields.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

export interface CustomFieldsData {
  fields: CustomFieldDefinition[]
  values: Record<string, CustomValue>
  /** Keys of required fields the client has no value of (none for a new client). */
  missing: string[]
  loaded: boolean
}

/**
 * The custom fields this admin may see, and a client's values when it has an id (its page, its
 * edit form); the definitions alone for a new client. One request.
 */
export function useCustomFields(recordId: string | undefined): CustomFieldsData {
  const [data, setData] = useState<CustomFieldsData>({ fields: [], values: {}, missing: [], loaded: false })
  useEffect(() => {
    let live = true
    const request = recordId
      ? api.recordAction({ resourceId: resourceId('Client'), recordId, actionName: 'customValues' })
      : api.resourceAction({ resourceId: resourceId('Client'), actionName: 'customFieldDefinitions' })
    request
      .then((res) => {
        const body = res.data as Partial<Omit<CustomFieldsData, 'loaded'>>
        if (live)
          setData({
            fields: body.fields ?? [],
            values: body.values ?? {},
            missing: body.missing ?? [],
            loaded: true,
          })
      })
      .catch(() => live && setData({ fields: [], values: {}, missing: [], loaded: true }))
    return () => {
      live = false
    }
  }, [recordId])
  return data
}
