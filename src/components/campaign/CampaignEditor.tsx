import React, { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Box,
  Button,
  CheckBox,
  FormGroup,
  FormMessage,
  H3,
  H5,
  Input,
  Label,
  Loader,
  MessageBox,
  Text,
  TextArea,
} from '@adminjs/design-system'
import { useNotice, useTranslation, type ActionProps } from 'adminjs'
import { useNavigate } from 'react-router'
import { campaignApi, type CampaignChoices } from './campaignApi.js'
import { useCampaignText } from './useCampaignText.js'
import CampaignPreview from './CampaignPreview.js'
import CampaignSegmentFilters, { SEGMENT_FILTERS } from './CampaignSegmentFilters.js'

const LANGUAGES = ['fr', 'en'] as const

type Values = Record<string, string>

/** The form's values from a saved campaign (or a blank one). */
function valuesOf(params: Record<string, unknown> | undefined, throttle: number): Values {
  const p = params ?? {}
  const get = (key: string) => (p[key] === undefined || p[key] === null ? '' : String(p[key]))
  const values: Values = {
    name: get('name'),
    viewId: get('viewId'),
    templateKey: get('templateKey'),
    includeUnconfirmed: p.includeUnconfirmed === true || p.includeUnconfirmed === 'true' ? 'true' : '',
    throttlePerMinute: get('throttlePerMinute') || String(throttle),
  }
  for (const language of LANGUAGES) {
    values[`subject_${language}`] = get(`messages.${language}.subject`)
    values[`text_${language}`] = get(`messages.${language}.text`)
  }
  for (const filter of SEGMENT_FILTERS) values[`filters.${filter}`] = get(`segment.filters.${filter}`)
  return values
}

/** What is sent: the segment as JSON when it is a filter, the view's id otherwise. */
function payloadOf(values: Values, mode: 'view' | 'filter'): Values {
  const segment: Record<string, string> = {}
  for (const [key, value] of Object.entries(values))
    if (key.startsWith('filters.') && value.trim() !== '') segment[key] = value.trim()
  const { viewId, ...rest } = Object.fromEntries(
    Object.entries(values).filter(([k]) => !k.startsWith('filters.')),
  )
  return mode === 'view'
    ? { ...rest, viewId, segment: '{}' }
    : { ...rest, viewId: '', segment: JSON.stringify(segment) }
}

/**
 * The campaign editor (the `newCampaign` and `editCampaign` actions): its name, its segment (a
 * saved view or the client list's filters), its message per language (from a message template or
 * written here, with merge fields), its throttle. The preview below follows the draft as it is
 * typed (the count, the skipped and why, the email for any recipient); once saved, "send me a
 * test" and the send itself.
 */
const CampaignEditor: React.FC<ActionProps> = ({ resource, record }) => {
  const { t, message } = useCampaignText(resource.id)
  const { i18n } = useTranslation()
  const api = useMemo(() => campaignApi(resource.id), [resource.id])
  const addNotice = useNotice()
  const navigate = useNavigate()
  const [choices, setChoices] = useState<CampaignChoices | null | 'failed'>(null)
  const [values, setValues] = useState<Values | null>(null)
  const [mode, setMode] = useState<'view' | 'filter'>('filter')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  // The draft as last saved (what "send" would send), and the preview's field errors.
  const [savedPayload, setSavedPayload] = useState<string | null>(null)
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({})
  const onDraftErrors = useCallback((e: Record<string, string>) => setDraftErrors(e), [])
  const id = record?.id ? String(record.id) : null

  useEffect(() => {
    let live = true
    api
      .choices()
      .then((c) => {
        if (!live) return
        setChoices(c ?? 'failed')
        if (c) {
          const loaded = valuesOf(record?.params, c.throttlePerMinute)
          const loadedMode = record?.params.viewId ? 'view' : 'filter'
          setValues(loaded)
          setMode(loadedMode)
          if (record?.id) setSavedPayload(JSON.stringify(payloadOf(loaded, loadedMode)))
        }
      })
      .catch(() => live && setChoices('failed'))
    return () => {
      live = false
    }
    // The form is filled once per record: its params change with each save, the form keeps what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id])

  if (choices === 'failed') return <MessageBox variant="danger" message={t('loadFailed')} />
  if (!choices || !values) return <Loader />
  const set = (key: string, value: string) => setValues({ ...values, [key]: value })
  const shown = { ...draftErrors, ...errors }
  const error = (key: string) =>
    shown[key] ? <FormMessage data-error={key}>{message(shown[key])}</FormMessage> : null
  const payload = payloadOf(values, mode)
  const templateKeys = [...new Set(choices.templates.map((m) => m.key))]

  const chooseTemplate = (key: string) => {
    const next: Values = { ...values, templateKey: key }
    for (const m of choices.templates.filter((x) => x.key === key)) {
      next[`subject_${m.language}`] = m.subject
      next[`text_${m.language}`] = m.text
    }
    setValues(next)
  }

  const save = async () => {
    setSaving(true)
    try {
      const answer = await api.save(id, payload)
      setErrors(answer.errors)
      if (answer.notice) addNotice(answer.notice as never)
      if (Object.keys(answer.errors).length > 0) return
      if (!id && answer.redirectUrl) navigate(answer.redirectUrl)
      else setSavedPayload(JSON.stringify(payload))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Box variant="container" data-testid="campaign-editor">
      <H3>{id ? t('editTitle') : t('newTitle')}</H3>
      {choices.configured ? null : (
        <MessageBox mb="lg" variant="warning" message={message('campaignNotConfigured')} />
      )}
      <FormGroup error={Boolean(shown.name)}>
        <Label required htmlFor="campaign-name">
          {t('name')}
        </Label>
        <Input
          id="campaign-name"
          name="name"
          value={values.name}
          maxLength={120}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('name', e.target.value)}
        />
        {error('name')}
      </FormGroup>

      <H5 mt="lg">{t('segment')}</H5>
      <Box flex flexDirection="row" mb="default">
        {(['view', 'filter'] as const).map((m) => (
          <Box key={m} mr="xl" flex alignItems="center">
            <input
              type="radio"
              id={`segment-${m}`}
              name="segmentMode"
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <Label inline htmlFor={`segment-${m}`} ml="sm">
              {t(`segmentMode.${m}`)}
            </Label>
          </Box>
        ))}
      </Box>
      {mode === 'view' ? (
        <FormGroup error={Boolean(shown.viewId)}>
          <Label htmlFor="campaign-view">{t('view')}</Label>
          {choices.views.length === 0 ? <Text>{t('noViews')}</Text> : null}
          <select
            id="campaign-view"
            name="viewId"
            value={values.viewId}
            onChange={(e) => set('viewId', e.target.value)}
          >
            <option value="">{t('chooseView')}</option>
            {choices.views.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {v.name}
              </option>
            ))}
          </select>
          {error('viewId')}
        </FormGroup>
      ) : (
        <Box>
          <CampaignSegmentFilters resourceId={resource.id} choices={choices} values={values} set={set} />
          {error('segment')}
        </Box>
      )}

      <H5 mt="lg">{t('message')}</H5>
      <FormGroup error={Boolean(shown.templateKey)}>
        <Label htmlFor="campaign-template">{t('template')}</Label>
        <select
          id="campaign-template"
          value={values.templateKey}
          onChange={(e) => chooseTemplate(e.target.value)}
        >
          <option value="">{t('noTemplate')}</option>
          {templateKeys.map((key) => (
            <option key={key} value={key}>
              {t(`templates.${key}`, { defaultValue: key })}
            </option>
          ))}
        </select>
        {error('templateKey')}
      </FormGroup>
      <Text fontSize="sm" mb="default" data-testid="merge-fields">
        {t('mergeFields')} {choices.mergeFields.map((f) => `{{${f}}}`).join(' ')}
      </Text>
      {choices.customFields.length > 0 && (
        <Text fontSize="sm" mb="default" data-testid="custom-merge-fields">
          {choices.customFields
            .map((f) => `{{${f.name}}}: ${i18n.language?.startsWith('en') ? f.labelEn : f.labelFr}`)
            .join(' · ')}
        </Text>
      )}
      <Box flex flexDirection="row" flexWrap="wrap">
        {LANGUAGES.map((language) => (
          <Box key={language} flexGrow={1} mr="lg" minWidth="280px">
            <FormGroup error={Boolean(shown[`subject_${language}`])}>
              <Label htmlFor={`subject-${language}`}>{t(`subject.${language}`)}</Label>
              <Input
                id={`subject-${language}`}
                name={`subject_${language}`}
                value={values[`subject_${language}`]}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set(`subject_${language}`, e.target.value)
                }
              />
              {error(`subject_${language}`)}
            </FormGroup>
            <FormGroup error={Boolean(shown[`text_${language}`])}>
              <Label htmlFor={`text-${language}`}>{t(`text.${language}`)}</Label>
              <TextArea
                id={`text-${language}`}
                name={`text_${language}`}
                rows={7}
                width="100%"
                value={values[`text_${language}`]}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  set(`text_${language}`, e.target.value)
                }
              />
              {error(`text_${language}`)}
            </FormGroup>
          </Box>
        ))}
      </Box>

      <Box flex flexDirection="row" alignItems="flex-start">
        <FormGroup mr="xl" error={Boolean(shown.throttlePerMinute)}>
          <Label htmlFor="campaign-throttle">{t('throttle')}</Label>
          <Input
            id="campaign-throttle"
            type="number"
            min={1}
            value={values.throttlePerMinute}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('throttlePerMinute', e.target.value)}
          />
          {error('throttlePerMinute')}
        </FormGroup>
        <FormGroup>
          <Box flex alignItems="center" mt="xl">
            <CheckBox
              id="campaign-unconfirmed"
              checked={values.includeUnconfirmed === 'true'}
              onChange={() => set('includeUnconfirmed', values.includeUnconfirmed === 'true' ? '' : 'true')}
            />
            <Label inline htmlFor="campaign-unconfirmed" ml="default">
              {t('includeUnconfirmed')}
            </Label>
          </Box>
        </FormGroup>
      </Box>
      <Button variant="contained" onClick={save} disabled={saving} data-testid="save-campaign">
        {saving ? <Loader /> : null}
        {t('save')}
      </Button>
      <CampaignPreview
        resourceId={resource.id}
        recordId={id}
        draft={payload}
        saved={savedPayload === JSON.stringify(payload)}
        configured={choices.configured}
        onErrors={onDraftErrors}
      />
    </Box>
  )
}

export default CampaignEditor
