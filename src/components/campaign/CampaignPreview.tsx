import React, { useEffect, useMemo, useState } from 'react'
import {
  Badge,
  Box,
  Button,
  H5,
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
import { useNotice } from 'adminjs'
import { useNavigate } from 'react-router'
import { useActionData } from '../common/useActionData.js'
import { campaignApi, type RenderedCampaign, type SegmentPreview } from './campaignApi.js'
import { useCampaignText } from './useCampaignText.js'

/**
 * Below the editor of a saved draft: how many clients it would mail now, who is skipped and why,
 * the email as any recipient would receive it, "send me a test", and the send (now or at a time).
 */
const CampaignPreview: React.FC<{
  resourceId: string
  recordId: string
  version: number
  configured: boolean
}> = ({ resourceId, recordId, version, configured }) => {
  const { t, message } = useCampaignText(resourceId)
  const api = useMemo(() => campaignApi(resourceId), [resourceId])
  const addNotice = useNotice()
  const navigate = useNavigate()
  const preview = useActionData<SegmentPreview>(
    `${recordId}:${version}`,
    () => api.preview(recordId).then((r) => ({ data: r })),
    (answer) => (answer as unknown as { campaign: SegmentPreview }).campaign,
    (p) => p.recipients + p.skipped === 0,
  )
  const [clientId, setClientId] = useState('')
  const [rendered, setRendered] = useState<{ key: string; email: RenderedCampaign | 'failed' } | null>(null)
  const [at, setAt] = useState('')
  const [busy, setBusy] = useState(false)
  const first = preview.status === 'ready' ? preview.data.firstRecipients[0]?.id : undefined

  useEffect(() => {
    const chosen = clientId || (first ? String(first) : '')
    if (!chosen || !configured) return
    let live = true
    const key = `${chosen}:${version}`
    api
      .render(recordId, chosen)
      .then((r) => live && setRendered({ key, email: r.campaign }))
      .catch(() => live && setRendered({ key, email: 'failed' }))
    return () => {
      live = false
    }
  }, [api, recordId, clientId, first, version, configured])

  const post = async (action: string, values: Record<string, string> = {}) => {
    setBusy(true)
    try {
      const answer = await api.post(recordId, action, values)
      if (answer.notice) addNotice(answer.notice as never)
      const problem = Object.values(answer.errors)[0]
      if (problem) addNotice({ message: message(problem), type: 'error' } as never)
      return answer
    } finally {
      setBusy(false)
    }
  }

  if (preview.status === 'loading') return <Loader />
  if (preview.status === 'error')
    return <MessageBox mt="lg" variant="danger" message={t('loadFailed')} onCloseClick={preview.retry} />
  const p = preview.data
  const recipient = clientId || (first ? String(first) : '')
  // Until the email of the chosen client (and of this version) arrives, it is loading.
  const email = rendered?.key === `${recipient}:${version}` ? rendered.email : null
  return (
    <Box mt="xxl" data-testid="campaign-preview">
      <H5>{t('preview')}</H5>
      <Text mb="default" data-testid="campaign-count">
        {t('count', { recipients: p.recipients, skipped: p.skipped })}
      </Text>
      {preview.status === 'empty' ? <MessageBox variant="info" message={t('emptySegment')} /> : null}
      {p.skippedClients.length > 0 ? (
        <Table data-testid="campaign-skipped" mb="lg">
          <TableHead>
            <TableRow>
              <TableCell>{t('client')}</TableCell>
              <TableCell>{t('reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {p.skippedClients.map((c) => (
              <TableRow key={c.id} data-skipped={c.clientNumber}>
                <TableCell>{`${c.name} (${c.clientNumber})`}</TableCell>
                <TableCell>
                  <Badge>{t(`reasons.${c.reason}`)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {p.firstRecipients.length > 0 ? (
        <Box mb="lg">
          <Label htmlFor="preview-recipient">{t('previewAs')}</Label>
          <select id="preview-recipient" value={recipient} onChange={(e) => setClientId(e.target.value)}>
            {p.firstRecipients.map((c) => (
              <option key={c.id} value={String(c.id)}>{`${c.name} (${c.clientNumber})`}</option>
            ))}
          </select>
          {email === null ? <Loader /> : null}
          {email === 'failed' ? (
            <MessageBox mt="default" variant="danger" message={t('renderFailed')} />
          ) : null}
          {email && email !== 'failed' ? (
            <Box mt="default" p="lg" border="default" bg="white" data-testid="campaign-email">
              <Text fontWeight="bold" mb="default">
                {email.subject}
              </Text>
              <Text as="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
                {email.text}
              </Text>
            </Box>
          ) : null}
          <Button
            mt="default"
            disabled={busy || !configured}
            data-testid="test-campaign"
            onClick={() => void post('testCampaign', { clientId: recipient })}
          >
            {t('sendTest')}
          </Button>
        </Box>
      ) : null}
      <H5 mt="lg">{t('send')}</H5>
      <Box flex flexDirection="row" alignItems="flex-end">
        <Box mr="lg">
          <Label htmlFor="campaign-at">{t('sendAt')}</Label>
          <Input
            id="campaign-at"
            type="datetime-local"
            value={at}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAt(e.target.value)}
          />
        </Box>
        <Button
          variant="contained"
          disabled={busy || !configured || p.recipients === 0}
          data-testid="start-campaign"
          onClick={async () => {
            if (!window.confirm(t(at ? 'confirmSchedule' : 'confirmSend', { recipients: p.recipients })))
              return
            const answer = await post('startCampaign', { at: at ? new Date(at).toISOString() : '' })
            if (answer.redirectUrl) navigate(answer.redirectUrl)
          }}
        >
          {at ? t('schedule') : t('sendNow')}
        </Button>
      </Box>
    </Box>
  )
}

export default CampaignPreview
