// The state of an action's form and its POST: values, field errors, sending, the contract choice.
import { useState } from 'react'
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from 'adminjs'
import type { FormField } from './clientActionForms.js'

const api = new ApiClient()

export type FormValues = Record<string, string | boolean>

/** A field's value before anything is typed; a template choice sends nothing until one is picked. */
const initialValues = (fields: FormField[]): FormValues =>
  Object.fromEntries(
    fields
      .filter((f) => f.widget !== 'templateChoice')
      .map((f) => [f.name, f.widget === 'checkbox' || f.widget === 'contractChoice' ? false : '']),
  )

/**
 * Posts the form to the action through AdminJS's API client, shows the notice the action answers
 * with and keeps the field errors (translated) for their fields. `choosesContracts`: the contracts
 * ticked in the list (`contractIds`) replace the "all" checkbox.
 */
export function useActionForm(
  { action, resource, record, records }: Pick<ActionProps, 'action' | 'resource' | 'record' | 'records'>,
  fields: FormField[],
  choosesContracts: boolean,
) {
  const { translateMessage } = useTranslation()
  const handleResponse = useActionResponseHandler()
  const [values, setValues] = useState<FormValues>(() => initialValues(fields))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [contractIds, setContractIds] = useState<number[] | null>(null)
  const [sending, setSending] = useState(false)
  // "Log in as this client": the link the action answered with, opened in a new tab (and shown,
  // should the browser block the tab).
  const [openedUrl, setOpenedUrl] = useState<string | null>(null)

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (sending) return
    setSending(true)
    setErrors({})
    const data = new FormData()
    for (const [name, value] of Object.entries(values)) {
      if (!(choosesContracts && name === 'contracts')) data.append(name, String(value))
    }
    if (choosesContracts && contractIds) data.append('contractIds', contractIds.join(','))
    try {
      const response = records
        ? await api.bulkAction({
            resourceId: resource.id,
            actionName: action.name,
            recordIds: records.map((r) => r.id),
            data,
          })
        : await api.recordAction({
            resourceId: resource.id,
            actionName: action.name,
            recordId: record?.id as string,
            data,
          })
      const fieldErrors = response.data.record?.errors ?? {}
      setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors).map(([name, error]) => [
            name,
            translateMessage((error as { message: string }).message, resource.id),
          ]),
        ),
      )
      const url = (response.data as { impersonationUrl?: unknown }).impersonationUrl
      if (typeof url === 'string' && /^https?:\/\//.test(url)) {
        setOpenedUrl(url)
        window.open(url, '_blank', 'noopener,noreferrer')
      }
      handleResponse(response)
    } finally {
      setSending(false)
    }
  }

  /** Sets some fields at once (a template fills the subject and the body). */
  const set = (changed: FormValues) => setValues((current) => ({ ...current, ...changed }))

  return { values, set, errors, contractIds, setContractIds, sending, openedUrl, submit }
}
