import React, { useEffect, useState } from 'react'
import {
  Box,
  Button,
  FormGroup,
  FormMessage,
  H3,
  Input,
  Label,
  Loader,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from 'adminjs'
import type { RetentionCandidate } from '../../services/gdpr/retention.js'
import { clientTitleParts } from '../common/clientTitles.js'

const api = new ApiClient()

interface State {
  months: number | null
  dryRun: { total: number; clients: RetentionCandidate[] } | null
}

const day = (value: unknown) => (value ? String(value).slice(0, 10) : null)

/**
 * Retention (admins): the number of months after which inactive clients are anonymised, who a
 * run would anonymise now (the dry run, the same query as the run), and the run itself.
 */
const RetentionPanel: React.FC<ActionProps> = ({ resource }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`RetentionPanel.${key}`, resource.id, options)
  const handleResponse = useActionResponseHandler()
  const [state, setState] = useState<State | null>(null)
  const [months, setMonths] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  type Answer = { retention?: State; record?: { errors?: Record<string, { message: string }> } }
  const apply = (data: Answer) => {
    if (data.retention) {
      setState(data.retention)
      setMonths(data.retention.months === null ? '' : String(data.retention.months))
    }
    const fieldError = data.record?.errors?.retentionMonths?.message
    setError(fieldError ? translateMessage(fieldError, resource.id) : null)
  }

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: 'retention' })
      .then((r) => apply(r.data as Answer))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resource.id])

  const post = async (fields: Record<string, string>) => {
    if (sending) return
    setSending(true)
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.append(name, value)
    try {
      const response = await api.resourceAction({ resourceId: resource.id, actionName: 'retention', data })
      apply(response.data as Answer)
      handleResponse(response)
    } finally {
      setSending(false)
    }
  }

  if (!state) return <Loader />
  const dryRun = state.dryRun
  return (
    <Box variant="container" data-testid="retention-panel">
      <H3>{t('title')}</H3>
      <Text mb="lg">{t('intro')}</Text>
      <Box
        as="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault()
          post({ op: 'save', retentionMonths: months })
        }}
        mb="xl"
      >
        <FormGroup error={Boolean(error)}>
          <Label htmlFor="retentionMonths">{t('months')}</Label>
          <Input
            id="retentionMonths"
            value={months}
            inputMode="numeric"
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setMonths(e.target.value)}
          />
          <FormMessage>{error}</FormMessage>
        </FormGroup>
        <Button type="submit" variant="contained" disabled={sending}>
          {t('save')}
        </Button>
      </Box>
      {!dryRun && <MessageBox message={t('off')} />}
      {dryRun && dryRun.total === 0 && <MessageBox variant="success" message={t('none')} />}
      {dryRun && dryRun.total > 0 && (
        <Box>
          <Text mb="default" data-testid="retention-count">
            {t('dryRun', { count: dryRun.total })}
          </Text>
          <Table mb="lg">
            <TableHead>
              <TableRow>
                <TableCell>{t('clientNumber')}</TableCell>
                <TableCell>{t('name')}</TableCell>
                <TableCell>{t('lastLogin')}</TableCell>
                <TableCell>{t('createdAt')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {dryRun.clients.map((client) => (
                <TableRow key={client.id}>
                  <TableCell>{client.clientNumber}</TableCell>
                  <TableCell>{clientTitleParts({ ...client }).name}</TableCell>
                  <TableCell>{day(client.lastLoginAt) ?? t('never')}</TableCell>
                  <TableCell>{day(client.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {dryRun.total > dryRun.clients.length && (
            <Text mb="default">{t('more', { count: dryRun.total - dryRun.clients.length })}</Text>
          )}
          <Button
            type="button"
            variant="danger"
            disabled={sending}
            onClick={() => {
              if (window.confirm(t('confirm'))) post({ op: 'run' })
            }}
          >
            {t('run')}
          </Button>
        </Box>
      )}
    </Box>
  )
}

export default RetentionPanel
