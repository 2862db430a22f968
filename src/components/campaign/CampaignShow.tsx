import React, { useEffect, useMemo, useState } from 'react'
import { Badge, Box, Button, H3, Loader, MessageBox, Text } from '@adminjs/design-system'
import { useNotice, type ActionProps } from 'adminjs'
import { useNavigate } from 'react-router'
import { campaignApi, type CampaignProgress } from './campaignApi.js'
import { useCampaignText } from './useCampaignText.js'

// The page reads the database again this often while the campaign is under way.
const REFRESH_MS = 2000
const COUNTS = ['queued', 'sent', 'failed', 'skipped', 'cancelled'] as const
const UNDER_WAY = ['scheduled', 'sending']

/**
 * A campaign's page: its progress read from the database (queued, sent, failed, skipped,
 * cancelled), refreshed while it is sending; pause, resume and cancel (POST) to whoever may.
 */
const CampaignShow: React.FC<ActionProps> = ({ resource, record }) => {
  const { t, message } = useCampaignText(resource.id)
  const api = useMemo(() => campaignApi(resource.id), [resource.id])
  const addNotice = useNotice()
  const navigate = useNavigate()
  const id = String(record?.id ?? '')
  const [progress, setProgress] = useState<CampaignProgress | null | 'failed'>(null)
  const [allowed, setAllowed] = useState<string[]>([])
  const [tick, setTick] = useState(0)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    api
      .progress(id)
      .then((r) => {
        if (!live) return
        setProgress(r.campaign)
        setAllowed(r.allowed)
      })
      .catch(() => live && setProgress('failed'))
    return () => {
      live = false
    }
  }, [api, id, tick])

  const underWay =
    progress !== null &&
    progress !== 'failed' &&
    (UNDER_WAY.includes(progress.status) || (progress.status === 'sending' && !progress.planned))
  useEffect(() => {
    if (!underWay) return
    const timer = setTimeout(() => setTick((n) => n + 1), REFRESH_MS)
    return () => clearTimeout(timer)
  }, [underWay, tick])

  if (progress === 'failed')
    return <MessageBox variant="danger" message={t('loadFailed')} onCloseClick={() => setTick(tick + 1)} />
  if (!progress) return <Loader />

  const change = async (action: string) => {
    if (action === 'cancelCampaign' && !window.confirm(t('confirmCancel'))) return
    setBusy(true)
    try {
      const answer = await api.post(id, action)
      if (answer.notice) addNotice(answer.notice as never)
      setTick((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }
  const total = COUNTS.reduce((sum, key) => sum + progress[key], 0)
  const done = progress.sent + progress.failed + progress.skipped + progress.cancelled
  const buttons = [
    ['pauseCampaign', ['sending']],
    ['resumeCampaign', ['paused']],
    ['cancelCampaign', ['draft', 'scheduled', 'sending', 'paused']],
  ] as const
  const params = record?.params ?? {}
  return (
    <Box variant="container" data-testid="campaign-progress" data-status={progress.status}>
      <H3>{String(params.name ?? '')}</H3>
      <Box flex alignItems="center" mb="lg">
        <Badge
          data-testid="campaign-status"
          variant={
            progress.status === 'done' ? 'success' : progress.status === 'cancelled' ? 'danger' : 'info'
          }
        >
          {message(`campaignStatus.${progress.status}`)}
        </Badge>
        {underWay ? (
          <Text ml="lg" fontSize="sm">
            {t('refreshing')}
          </Text>
        ) : null}
      </Box>
      {params.scheduledAt && progress.status === 'scheduled' ? (
        <Text mb="default">
          {t('scheduledFor', { at: new Date(String(params.scheduledAt)).toLocaleString() })}
        </Text>
      ) : null}
      {progress.status === 'draft' ? <MessageBox mb="lg" variant="info" message={t('notSent')} /> : null}
      {progress.status === 'sending' && !progress.planned ? <Text mb="default">{t('planning')}</Text> : null}
      {total > 0 ? (
        <Box mb="lg" height="12px" bg="grey20" style={{ borderRadius: 6, overflow: 'hidden' }} aria-hidden>
          <Box height="12px" bg="primary100" style={{ width: `${Math.round((done / total) * 100)}%` }} />
        </Box>
      ) : null}
      <Box flex flexDirection="row" flexWrap="wrap" mb="xl">
        {COUNTS.map((key) => (
          <Box key={key} mr="xl" mb="lg" p="lg" border="default" minWidth="120px" data-count={key}>
            <Text fontSize="sm">{t(`counts.${key}`)}</Text>
            <Text fontSize="xl" fontWeight="bold" data-testid={`count-${key}`}>
              {progress[key]}
            </Text>
          </Box>
        ))}
      </Box>
      <Box flex flexDirection="row">
        {allowed.includes('editCampaign') && ['draft', 'scheduled'].includes(progress.status) ? (
          <Button
            mr="default"
            data-testid="editCampaign"
            onClick={() => navigate(`/admin/resources/${resource.id}/records/${id}/editCampaign`)}
          >
            {t('edit')}
          </Button>
        ) : null}
        {buttons
          .filter(
            ([action, when]) =>
              allowed.includes(action) && (when as readonly string[]).includes(progress.status),
          )
          .map(([action]) => (
            <Button
              key={action}
              mr="default"
              disabled={busy}
              data-testid={action}
              variant={action === 'cancelCampaign' ? 'danger' : 'outlined'}
              onClick={() => void change(action)}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
      </Box>
    </Box>
  )
}

export default CampaignShow
