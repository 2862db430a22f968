import React, { useMemo, useState } from 'react'
import {
  Box,
  Button,
  H3,
  Icon,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import {
  ApiClient,
  useActionResponseHandler,
  useTranslation,
  type ActionProps,
  type RecordJSON,
} from 'adminjs'

const api = new ApiClient()

const shown = (record: RecordJSON, field: string) => {
  // A reference (the advisor) shows its title, not its id.
  const populated = record.populated?.[field]
  if (populated?.title) return populated.title
  const value = record.params[field]
  return value === null || value === undefined || value === '' ? '—' : String(value)
}

/**
 * Merging two clients: which one is kept, and for each field which value survives (by default
 * the kept client's, or the other's where the kept one has none). Everything else moves.
 */
const ClientMerge: React.FC<ActionProps> = ({ action, resource, records }) => {
  const { translateMessage, translateProperty, translateComponent } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientMerge.${key}`, resource.id, options)
  const handleResponse = useActionResponseHandler()
  const fields = (action.custom?.fields ?? []) as string[]
  const pair = useMemo(() => [...(records ?? [])].sort((a, b) => Number(a.id) - Number(b.id)), [records])
  const [keepId, setKeepId] = useState(pair[0]?.id)
  const [choices, setChoices] = useState<Record<string, 'keep' | 'other'>>({})
  const [sending, setSending] = useState(false)

  if (pair.length !== 2)
    return <MessageBox variant="danger" message={translateMessage('mergeTwoClients', resource.id)} />
  const kept = pair.find((r) => r.id === keepId) as RecordJSON
  const other = pair.find((r) => r.id !== keepId) as RecordJSON
  const choiceOf = (field: string) =>
    choices[field] ?? (shown(kept, field) === '—' && shown(other, field) !== '—' ? 'other' : 'keep')

  const submit = async () => {
    setSending(true)
    const data = new FormData()
    data.append('keepId', String(keepId))
    for (const field of fields) data.append(`choice.${field}`, choiceOf(field))
    try {
      const response = await api.bulkAction({
        resourceId: resource.id,
        actionName: action.name,
        recordIds: pair.map((r) => r.id),
        data,
      })
      handleResponse(response)
    } finally {
      setSending(false)
    }
  }

  return (
    <Box variant="container" data-testid="client-merge">
      <H3>{t('title')}</H3>
      <MessageBox mb="xl" variant="warning" message={t('intro')} />
      <Table mb="xl">
        <TableHead>
          <TableRow>
            <TableCell>{t('field')}</TableCell>
            {pair.map((r) => (
              <TableCell key={r.id}>
                <label>
                  <input
                    type="radio"
                    name="keep"
                    checked={r.id === keepId}
                    onChange={() => {
                      setKeepId(r.id)
                      setChoices({})
                    }}
                  />{' '}
                  {t(r.id === keepId ? 'kept' : 'merged', { number: r.params.clientNumber })}
                </label>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell>{translateProperty(field, resource.id)}</TableCell>
              {pair.map((r) => {
                const side = r.id === keepId ? 'keep' : 'other'
                return (
                  <TableCell key={r.id}>
                    <label>
                      <input
                        type="radio"
                        name={`choice-${field}`}
                        data-field={field}
                        data-side={side}
                        checked={choiceOf(field) === side}
                        onChange={() => setChoices({ ...choices, [field]: side })}
                      />{' '}
                      {shown(r, field)}
                    </label>
                  </TableCell>
                )
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text mb="lg">{t('moves')}</Text>
      <Button variant="danger" onClick={submit} disabled={sending} data-testid="client-merge-submit">
        <Icon icon={sending ? 'Loader' : 'GitMerge'} spin={sending} />
        {t('submit')}
      </Button>
    </Box>
  )
}

export default ClientMerge
