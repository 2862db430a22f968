import React from 'react'
import { Box, FormGroup, Input, Label } from '@adminjs/design-system'
import type { BasePropertyProps } from 'adminjs'
import TagFilter from '../tags/TagFilter.js'
import CustomFieldFilters from '../customFields/CustomFieldFilters.js'
import { resourceId as pluginResourceId } from '../common/resourceId.js'
import type { CampaignChoices } from './campaignApi.js'
import { useCampaignText } from './useCampaignText.js'

const STATUSES = ['active', 'pending', 'suspended']
const CONSENTS = ['in', 'unknown']
const TAG_MODES = ['any', 'all', 'none']
const CONTRACT_STATUSES = ['active', 'suspended', 'terminated']
const LANGUAGES = ['fr', 'en']

/** The segment filters the editor offers: the client list's own (`filters.<name>`), read by its rules on the server. */
export const SEGMENT_FILTERS = [
  'status',
  'marketingConsent',
  'q',
  'advisor',
  'tags',
  'tagMode',
  'customFields',
  'contractProduct',
  'contractStatus',
  'locale',
] as const

/**
 * A campaign's own filter: the client list's filters (status, consent, search, advisor, tags any,
 * all or none, custom fields, contract type and state, language), each written as the list's
 * `filters.<name>`. The tags and custom fields are the list's filter drawer's own controls.
 */
const CampaignSegmentFilters: React.FC<{
  resourceId: string
  choices: CampaignChoices
  values: Record<string, string>
  set: (key: string, value: string) => void
}> = ({ resourceId, choices, values, set }) => {
  const { t } = useCampaignText(resourceId)
  const clientResource = pluginResourceId('Client')
  // The drawer's controls read `filter[property.path]` and call `onChange(path, value)`.
  const drawer = (name: string) =>
    ({
      property: { path: `filters.${name}`, label: name, resourceId: clientResource },
      filter: values,
      onChange: (path: string, value: unknown) => set(path, typeof value === 'string' ? value : ''),
      resource: { id: clientResource },
      where: 'filter',
    }) as unknown as BasePropertyProps
  const select = (name: string, options: { value: string; label: string }[]) => (
    <FormGroup mr="xl">
      <Label htmlFor={`filter-${name}`}>{t(`filters.${name}`)}</Label>
      <select
        id={`filter-${name}`}
        value={values[`filters.${name}`] ?? ''}
        onChange={(e) => set(`filters.${name}`, e.target.value)}
      >
        <option value="">{t('any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  )
  const labelled = (keys: string[], prefix: string) =>
    keys.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))
  const hasTags = (values['filters.tags'] ?? '') !== ''
  return (
    <Box data-testid="campaign-filters">
      <Box flex flexDirection="row" flexWrap="wrap">
        {select('status', labelled(STATUSES, 'statuses'))}
        {select('marketingConsent', labelled(CONSENTS, 'consents'))}
        <FormGroup mr="xl">
          <Label htmlFor="filter-q">{t('filters.q')}</Label>
          <Input
            id="filter-q"
            value={values['filters.q'] ?? ''}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('filters.q', e.target.value)}
          />
        </FormGroup>
        {select(
          'advisor',
          choices.advisors.map((a) => ({ value: String(a.id), label: a.label })),
        )}
        {select('locale', labelled(LANGUAGES, 'languages'))}
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap">
        {select(
          'contractProduct',
          choices.products.map((p) => ({ value: p, label: p })),
        )}
        {select('contractStatus', labelled(CONTRACT_STATUSES, 'contractStatuses'))}
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" alignItems="flex-start">
        <Box mr="xl" data-testid="campaign-filter-tags">
          <TagFilter {...drawer('tags')} />
          {hasTags ? select('tagMode', labelled(TAG_MODES, 'tagModes')) : null}
        </Box>
        <Box flexGrow={1} minWidth="240px">
          <CustomFieldFilters {...drawer('customFields')} />
        </Box>
      </Box>
    </Box>
  )
}

export default CampaignSegmentFilters
