import { useEffect, useState } from 'react'
import { ApiClient, useTranslation } from 'adminjs'
import type { CustomFieldDefinition } from '../../shared/customFields.js'
import { customFieldName } from '../../shared/customFields.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

/** One request shared by the list and its filter drawer when they mount together. */
const SHARED_FOR_MS = 5_000
let pending: { at: number; fields: Promise<CustomFieldDefinition[]> } | null = null

function loadFields(): Promise<CustomFieldDefinition[]> {
  if (pending && Date.now() - pending.at < SHARED_FOR_MS) return pending.fields
  const fields = api
    .resourceAction({ resourceId: resourceId('Client'), actionName: 'customFieldColumns' })
    .then((res) => (res.data as { fields?: CustomFieldDefinition[] }).fields ?? [])
  pending = { at: Date.now(), fields }
  fields.catch(() => (pending = null))
  return fields
}

/**
 * The custom fields the client list may show and filter by (those this admin may see, in their
 * order), their labels given to the panel's translations as the columns' names
 * (`resources.<the Client resource’s id>.properties.cf__<key>`, French and English): AdminJS's table headers and the
 * views' column pickers name them as any other column. `enabled` false (a drawer opened on
 * another resource): no request, no field.
 */
export function useCustomFieldColumns(enabled = true): { fields: CustomFieldDefinition[]; loaded: boolean } {
  const { i18n } = useTranslation()
  const [state, setState] = useState({ fields: [] as CustomFieldDefinition[], loaded: !enabled })
  useEffect(() => {
    if (!enabled) return
    let live = true
    loadFields()
      .then((fields) => {
        const id = resourceId('Client')
        for (const [language, label] of [
          ['fr', 'labelFr'],
          ['en', 'labelEn'],
        ] as const) {
          // Flat keys, as AdminJS adds the panel's own translations.
          const keys = Object.fromEntries(
            fields.map((f) => [`resources.${id}.properties.${customFieldName(f.key)}`, f[label]]),
          )
          i18n.addResourceBundle(language, 'translation', keys, true, true)
        }
        if (live) setState({ fields, loaded: true })
      })
      .catch(() => live && setState({ fields: [], loaded: true }))
    return () => {
      live = false
    }
  }, [i18n, enabled])
  return state
}
