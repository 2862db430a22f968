import React from 'react'
import { Badge, Box, H3, Text } from '@adminjs/design-system'
import { useTranslation, type RecordJSON } from 'adminjs'
import { ClientStatusPill } from '../common/ClientStatusPill.js'
import { formatDate } from '../../shared/clientPageTabs.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import LabelledValue from './LabelledValue.js'
import { useClientShowText } from './useClientShowText.js'
import { resourceId } from '../common/resourceId.js'
import ClientTagPicker from '../tags/ClientTagPicker.js'

/** The header: name, status badge, number, balance, last login and IP, email confirmed, 2FA. */
const ClientHeader: React.FC<{ record: RecordJSON; language: string }> = ({ record, language }) => {
  const { translateComponent } = useTranslation()
  const t = useClientShowText()
  const format = usePanelFormat()
  const p = record.params
  const lastLogin = formatDate(p.lastLoginAt, language)
  return (
    <Box variant="card" mb="xl" data-testid="client-header">
      <Box flex alignItems="center" mb="lg" style={{ gap: 12, flexWrap: 'wrap' }}>
        <H3 mb="0" data-testid="client-name">
          {[p.lastName, p.firstName].filter(Boolean).join(' ')}
        </H3>
        <ClientStatusPill
          status={p.status as string}
          reason={p.statusReason as string | undefined}
          anonymised={Boolean(p.anonymisedAt)}
        />
        <Text color="grey60">{t('clientNumber', { number: p.clientNumber })}</Text>
      </Box>
      <ClientTagPicker
        recordId={String(record.id)}
        canChange={(record.recordActions ?? []).some((a) => a.name === 'addTags')}
      />
      {p.statusReason && (
        <Text mb="lg" data-testid="client-status-reason">
          {translateComponent('ClientStatusBadge.reason', resourceId('Client'), { reason: p.statusReason })}
        </Text>
      )}
      <Box flex style={{ flexWrap: 'wrap' }}>
        <LabelledValue label={t('balance')} testId="client-balance">
          {format.money(p.balance ?? '0')}
        </LabelledValue>
        <LabelledValue label={t('lastLogin')} testId="client-last-login">
          {lastLogin
            ? `${lastLogin}${p.lastLoginIp ? ` ${t('fromIp', { ip: p.lastLoginIp })}` : ''}`
            : t('never')}
        </LabelledValue>
        <LabelledValue label={t('email')} testId="client-email">
          {String(p.email ?? t('none'))}{' '}
          {/* No address (an anonymised client's is gone): nothing to be confirmed. */}
          {p.email && !p.anonymisedAt ? (
            <Badge size="sm" variant={p.emailConfirmedAt ? 'success' : 'secondary'} outline>
              {p.emailConfirmedAt ? t('emailConfirmed') : t('emailNotConfirmed')}
            </Badge>
          ) : null}
        </LabelledValue>
        <LabelledValue label={t('twoFactor')} testId="client-2fa">
          <Badge size="sm" variant={p.twoFactorEnabledAt ? 'success' : 'secondary'} outline>
            {p.twoFactorEnabledAt ? t('twoFactorOn') : t('twoFactorOff')}
          </Badge>
        </LabelledValue>
      </Box>
    </Box>
  )
}

export default ClientHeader
