import React, { useState } from 'react'
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
import LoadFailed from '../common/LoadFailed.js'
import { useActionData } from '../common/useActionData.js'

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
  const [months, setMonths] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [sending, setSending] = useState(false)
  const loaded = useActionData<State>(
    resource.id,
    () => api.resourceAction({ resourceId: resource.id, actionName: 'retention' }),
    (answer) => {
      const retention = answer.retention as State | undefined
      if (retention) setMonths(retention.months === null ? '' : String(retention.months))
      return retention
    },
  )

  type Answer = { retention?: State; record?: { errors?: Record<string, { message: string }> } }
  const apply = (data: Answer) => {
    if (data.retention && loaded.status !== 'loading' && loaded.status !== 'error') {
      loaded.replace(data.retention)
      setMonths(data.retention.months === null ? '' : String(data.retention.months))
    }
    const fieldError = data.record?.errors?.retentionMonths?.message
    setError(fieldError ? translateMessage(fieldError, resource.id) : null)
  }

  const post = async (fields: Record<string, string>) => {
    if (sending) return
    setSending(true)
    setFailed(false)
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.append(name, value)
    try {
      const response = await api.resourceAction({ resourceId: resource.id, actionName: 'retention', data })
      apply(response.data as Answer)
      handleResponse(response)
    } catch {
      // Nothing was answered (network, server): say so; the setting shown is still the saved one.
      setFailed(true)
    } finally {
      setSending(false)
    }
  }

  if (loaded.status === 'loading') return <Loader />
  if (loaded.status === 'error') return <LoadFailed retry={loaded.retry} testId="retention-load-failed" />
  const state = loaded.data
  const dryRun = state.dryRun
  return (
    <Box variant="container" data-testid="retention-panel">
      <H3>{t('title')}</H3>
      <Text mb="lg">{t('intro')}</Text>
      {failed && (
        <MessageBox
          variant="danger"
          message={translateMessage('serverError', resource.id)}
          mb="lg"
          data-testid="retention-failed"
        />
      )}
      <Box
        as="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault()
          // post() catches its own failure and shows it.
          void post({ op: 'save', retentionMonths: months })
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
              if (window.confirm(t('confirm'))) void post({ op: 'run' })
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
