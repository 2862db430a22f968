import React, { useState } from 'react'
import { useLocation } from 'react-router'
import { Box, Button, CheckBox, FormGroup, Icon, Label, MessageBox, Text } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import BulkDrawerFrame from '../common/BulkDrawerFrame.js'
import { pluginResourceOf, resourceId } from '../common/resourceId.js'
import { useCustomFieldColumns } from '../customFields/useCustomFieldColumns.js'
import { downloadUrl, postDownload } from './postDownload.js'
import { exportColumnsOf } from './exportColumnsOf.js'

// What the list's URL carries that the export reads: the rest (page, drawer keys) is not sent.
const LIST_PARAM = /^(filters\.|sortBy$|direction$)/

/**
 * The Export drawer of a list: the columns to export (the list's visible ones ticked), the
 * filters in force, and the download of the CSV, in the panel's language.
 */
const ExportForm: React.FC<ActionProps> = ({ resource, action, record }) => {
  const { translateComponent, translateProperty, translateMessage, translateLabel, translateAction, i18n } =
    useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ExportForm.${key}`, resource.id, options)
  const location = useLocation()
  // The same drawer exports a client's history (a record action) and a list (a resource action).
  const history = action.name === 'exportHistory' && record
  // The clients' list offers the custom fields this admin may see too, labelled in the panel's
  // language (the hook gives their labels to the translations) and ticked as the list's own.
  const custom = useCustomFieldColumns(!history && pluginResourceOf(resource.id) === 'Client')
  const columns = exportColumnsOf(resource.id, Boolean(history), custom.fields)
  // What the admin changed; a column left alone is exported when the list shows it (the custom
  // ones too, whenever they arrive).
  const [picked, setPicked] = useState<Record<string, boolean>>({})
  const chosen = new Set(columns.filter((c) => picked[c.key] ?? c.visible).map((c) => c.key))
  const [state, setState] = useState<{ sending: boolean; error?: string; done?: boolean }>({ sending: false })

  const listParams = new URLSearchParams()
  if (!history) {
    for (const [key, value] of new URLSearchParams(location.search)) {
      if (LIST_PARAM.test(key) && value !== '') listParams.set(key, value)
    }
  }
  const filters = [...listParams.keys()].filter((key) => key.startsWith('filters.'))

  // "Statut = Suspendu", "Créé le (from) = 2026-01-01": the filter as the list's filter panel names it.
  const describeFilter = (key: string, value: string) => {
    const [name, bound] = key.slice('filters.'.length).split('~~')
    const property = translateProperty(name, resource.id)
    const shown = name === 'status' ? translateLabel(`status.${value}`, resource.id) : value
    return `${property}${bound ? ` (${bound})` : ''} = ${shown}`
  }

  const toggle = (key: string) => setPicked((current) => ({ ...current, [key]: !chosen.has(key) }))

  const download = async (event: React.FormEvent) => {
    event.preventDefault()
    if (state.sending || chosen.size === 0 || !custom.loaded) return
    setState({ sending: true })
    const keys = columns.map((c) => c.key).filter((key) => chosen.has(key))
    const language = i18n.language?.startsWith('en') ? 'en' : 'fr'
    try {
      const result = await postDownload(
        history
          ? downloadUrl(resource.id, 'exportHistory', String(record.id))
          : downloadUrl(resource.id, 'export', undefined, listParams.toString()),
        { columns: keys.join(','), lang: language },
        `${resource.id}.csv`,
      )
      setState(result.ok ? { sending: false, done: true } : { sending: false, error: result.message })
    } catch {
      setState({ sending: false, error: 'serverError' })
    }
  }

  const form = (
    <Box as="form" onSubmit={download} data-testid="export-form" p="lg">
      <Text mb="default">{t('intro')}</Text>
      <Text mb="lg" data-testid="export-filters">
        {filters.length > 0
          ? t('filters', {
              filters: filters.map((key) => describeFilter(key, listParams.get(key) ?? '')).join(', '),
            })
          : t('noFilter')}
      </Text>
      <Label>{t('columns')}</Label>
      {columns.map((column) => (
        <FormGroup key={column.key} mb="sm">
          <CheckBox
            id={`export-${column.key}`}
            checked={chosen.has(column.key)}
            onChange={() => toggle(column.key)}
          />
          <Label inline htmlFor={`export-${column.key}`} ml="default">
            {translateProperty(column.key, history ? resourceId('ClientEvent') : resource.id)}
          </Label>
        </FormGroup>
      ))}
      {chosen.size === 0 && <MessageBox variant="danger" message={t('noColumn')} mb="default" />}
      {state.error && (
        <MessageBox variant="danger" message={translateMessage(state.error, resource.id)} mb="default" />
      )}
      {state.done && <MessageBox variant="success" message={t('done')} mb="default" />}
      <Button
        type="submit"
        variant="contained"
        disabled={state.sending || chosen.size === 0 || !custom.loaded}
        mt="lg"
      >
        <Icon icon="Download" />
        {state.sending ? t('downloading') : t('download')}
      </Button>
    </Box>
  )
  // A client's history export gets its frame from the record route (RecordActionRoute); a list's
  // export (a resource action, in AdminJS's bare drawer) gets its close button and Escape here.
  return history ? (
    form
  ) : (
    <BulkDrawerFrame title={translateAction(action.label, resource.id)} resourceId={resource.id}>
      {form}
    </BulkDrawerFrame>
  )
}

export default ExportForm
