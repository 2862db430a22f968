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
import { campaignApi } from './campaignApi.js'
import { useDraftPreview } from './useDraftPreview.js'
import { useCampaignText } from './useCampaignText.js'

/**
 * Below the editor: what the draft on screen would do now, asked again at each pause in the typing
 * (nothing saved, nothing written): how many clients it would mail, who is skipped and why, the
 * email as any recipient would receive it. "Send me a test" and the send act on the saved
 * campaign: offered once the draft on screen is saved.
 */
const CampaignPreview: React.FC<{
  resourceId: string
  recordId: string | null
  draft: Record<string, string>
  /** The draft on screen is the saved campaign. */
  saved: boolean
  configured: boolean
  onErrors: (errors: Record<string, string>) => void
}> = ({ resourceId, recordId, draft, saved, configured, onErrors }) => {
  const { t, message } = useCampaignText(resourceId)
  const api = useMemo(() => campaignApi(resourceId), [resourceId])
  const addNotice = useNotice()
  const navigate = useNavigate()
  const [clientId, setClientId] = useState('')
  const state = useDraftPreview(api, { ...draft, clientId, campaignId: recordId ?? '' })
  const [at, setAt] = useState('')
  const [busy, setBusy] = useState(false)
  const errorsKey = JSON.stringify(state.errors)
  useEffect(() => onErrors(JSON.parse(errorsKey) as Record<string, string>), [errorsKey, onErrors])
  // A client chosen before the filters changed, now out of the segment: back to its first recipient.
  const listed = state.preview?.firstRecipients
  if (clientId && listed && !listed.some((c) => String(c.id) === clientId)) setClientId('')

  const post = async (action: string, values: Record<string, string> = {}) => {
    setBusy(true)
    try {
      const answer = await api.post(recordId ?? '', action, values)
      if (answer.notice) addNotice(answer.notice as never)
      const problem = Object.values(answer.errors)[0]
      if (problem) addNotice({ message: message(problem), type: 'error' } as never)
      return answer
    } finally {
      setBusy(false)
    }
  }

  const p = state.preview
  if (!p)
    return state.failed ? (
      <MessageBox mt="lg" variant="danger" message={t('loadFailed')} onCloseClick={state.retry} />
    ) : (
      <Box mt="xxl" data-testid="campaign-preview">
        {state.loading ? <Loader /> : null}
      </Box>
    )
  const recipient = clientId || (p.email ? String(p.email.clientId) : '')
  const email = p.email
  const canSend = Boolean(recordId) && saved && configured
  return (
    <Box mt="xxl" data-testid="campaign-preview" aria-busy={state.loading}>
      <H5>{t('preview')}</H5>
      <Text mb="default" data-testid="campaign-count" style={{ opacity: state.loading ? 0.6 : 1 }}>
        {t('count', { recipients: p.recipients, skipped: p.skipped })}
        {state.loading ? <span data-testid="campaign-counting">{` ${t('counting')}`}</span> : null}
      </Text>
      {p.recipients + p.skipped === 0 ? <MessageBox variant="info" message={t('emptySegment')} /> : null}
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
          {!email && configured && Object.keys(state.errors).length === 0 ? (
            <MessageBox mt="default" variant="danger" message={t('renderFailed')} />
          ) : null}
          {email ? (
            <Box mt="default" p="lg" border="default" bg="white" data-testid="campaign-email">
              <Text fontWeight="bold" mb="default">
                {email.subject}
              </Text>
              <Text as="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
                {email.text}
              </Text>
            </Box>
          ) : null}
          {canSend ? (
            <Button
              mt="default"
              disabled={busy}
              data-testid="test-campaign"
              onClick={() => void post('testCampaign', { clientId: recipient })}
            >
              {t('sendTest')}
            </Button>
          ) : null}
        </Box>
      ) : null}
      {configured && !canSend ? (
        <Text mt="lg" data-testid="campaign-unsaved">
          {t('unsaved')}
        </Text>
      ) : null}
      {canSend && recordId ? (
        <SendBox
          busy={busy}
          recipients={p.recipients}
          at={at}
          setAt={setAt}
          t={t}
          start={async () => {
            const answer = await post('startCampaign', { at: at ? new Date(at).toISOString() : '' })
            if (answer.redirectUrl) navigate(answer.redirectUrl)
          }}
        />
      ) : null}
    </Box>
  )
}

/** The send: now, or at a date and time, after a confirmation naming the count. */
const SendBox: React.FC<{
  busy: boolean
  recipients: number
  at: string
  setAt: (at: string) => void
  t: (key: string, options?: Record<string, unknown>) => string
  start: () => Promise<void>
}> = ({ busy, recipients, at, setAt, t, start }) => (
  <>
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
        disabled={busy || recipients === 0}
        data-testid="start-campaign"
        onClick={() => {
          if (window.confirm(t(at ? 'confirmSchedule' : 'confirmSend', { recipients }))) void start()
        }}
      >
        {at ? t('schedule') : t('sendNow')}
      </Button>
    </Box>
  </>
)

export default CampaignPreview
