import React from 'react'
import { Box, H3, Link } from '@adminjs/design-system'
import { useTranslation, type RecordJSON } from 'adminjs'
import { formatDate } from '../../shared/clientPageTabs.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { phoneHref } from '../../shared/displayFormat.js'
import LabelledValue from './LabelledValue.js'
import { recordShowUrl } from './recordShowUrl.js'
import { useClientShowText } from './useClientShowText.js'
import { resourceId } from '../common/resourceId.js'
import type { PluginResource } from '../../shared/resourceIds.js'
import CustomFieldsSection from '../customFields/CustomFieldsSection.js'

const DETAIL_SECTIONS: Record<string, string[]> = {
  identity: ['clientNumber', 'lastName', 'firstName', 'email', 'phone', 'locale', 'advisorId'],
  address: ['addressLine1', 'addressLine2', 'postalCode', 'city', 'country'],
  account: [
    'status',
    'statusReason',
    'balance',
    'emailConfirmedAt',
    'marketingConsent',
    'marketingConsentAt',
    'marketingConsentSource',
    'twoFactorEnabledAt',
    'lastLoginAt',
    'lastLoginIp',
    'stripeCustomerId',
    'createdAt',
    'updatedAt',
    'deletedAt',
    'mergedIntoId',
    'importBatchId',
  ],
}
const DATE_FIELDS = new Set([
  'emailConfirmedAt',
  'marketingConsentAt',
  'twoFactorEnabledAt',
  'lastLoginAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
])
const REFERENCES: Record<string, PluginResource> = {
  advisorId: 'Advisor',
  mergedIntoId: 'Client',
  importBatchId: 'ImportBatch',
}

/** Every profile field, the referent advisor and the address. */
const DetailsTab: React.FC<{ record: RecordJSON; language: string }> = ({ record, language }) => {
  const { translateProperty, translateLabel, translateComponent } = useTranslation()
  const t = useClientShowText()
  const format = usePanelFormat()
  const value = (name: string): React.ReactNode => {
    const raw = record.params[name]
    if (raw === null || raw === undefined || raw === '') return t('none')
    if (REFERENCES[name]) {
      const title = record.populated?.[name]?.title
      return <Link href={recordShowUrl(resourceId(REFERENCES[name]), raw)}>{title ?? String(raw)}</Link>
    }
    if (DATE_FIELDS.has(name)) return formatDate(raw, language)
    if (name === 'balance') return format.money(raw)
    if (name === 'country') return format.country(raw)
    if (name === 'phone') {
      const href = phoneHref(raw, record.params.country)
      return href ? <Link href={href}>{format.phone(raw, record.params.country)}</Link> : String(raw)
    }
    // As its header says: an anonymised client is that, whatever status it kept.
    if (name === 'status' && record.params.anonymisedAt)
      return translateComponent('ClientStatusBadge.anonymised', resourceId('Client'))
    if (['status', 'locale', 'marketingConsent', 'marketingConsentSource'].includes(name))
      return translateLabel(`${name}.${raw}`, resourceId('Client'))
    return String(raw)
  }
  return (
    <Box data-testid="tab-details">
      {Object.entries(DETAIL_SECTIONS).map(([section, fields]) => (
        <Box key={section} mb="xl">
          <H3>{t(`sections.${section}`)}</H3>
          <Box flex style={{ flexWrap: 'wrap' }}>
            {fields.map((name) => (
              <LabelledValue
                key={name}
                label={translateProperty(name, resourceId('Client'))}
                testId={`detail-${name}`}
              >
                {value(name)}
              </LabelledValue>
            ))}
          </Box>
        </Box>
      ))}
      <CustomFieldsSection recordId={String(record.id)} language={language} />
    </Box>
  )
}

export default DetailsTab
