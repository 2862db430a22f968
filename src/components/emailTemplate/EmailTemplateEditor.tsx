import React, { useEffect, useMemo, useState } from 'react'
import {
  Box,
  Button,
  FormGroup,
  FormMessage,
  H3,
  H5,
  Icon,
  Input,
  Label,
  Loader,
  MessageBox,
  Text,
  TextArea,
} from '@adminjs/design-system'
import { useActionResponseHandler, useTranslation } from 'adminjs'
import {
  MAX_TEMPLATE_HTML_LENGTH,
  MAX_TEMPLATE_SUBJECT_LENGTH,
  MAX_TEMPLATE_TEXT_LENGTH,
} from '../../shared/limits.js'
import EmailTemplateHistory from './EmailTemplateHistory.js'
import EmailTemplatePreview from './EmailTemplatePreview.js'
import {
  templateApi,
  type TemplateAnswer,
  type TemplateDetails,
  type TemplateDraftValues,
  type TemplateRef,
} from './templateApi.js'

const draftOf = (details: TemplateDetails): TemplateDraftValues => ({
  subject: details.current.subject,
  text: details.current.text,
  html: details.current.html ?? '',
})

/**
 * One template in one language: its merge fields, the form (subject, text, optional HTML), a
 * live preview for a client of the admin's choosing, "send me a test", "back to the default"
 * and the history of changes. Field errors come from the server, in the panel's language.
 */
const EmailTemplateEditor: React.FC<{ resourceId: string; template: TemplateRef; onClose: () => void }> = ({
  resourceId,
  template,
  onClose,
}) => {
  const { translateComponent, translateMessage, i18n } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`EmailTemplates.${key}`, resourceId, options)
  // A custom field's merge field (`custom.<key>`) by its label in the panel's language.
  const mergeFieldLabel = (name: string) => {
    const custom = details?.customFields?.find((f) => f.name === name)
    if (!custom) return t(`fields.${name}`)
    return i18n.language?.startsWith('en') ? custom.labelEn : custom.labelFr
  }
  const handleResponse = useActionResponseHandler()
  const api = useMemo(() => templateApi(resourceId), [resourceId])
  const [details, setDetails] = useState<TemplateDetails | null>(null)
  const [draft, setDraft] = useState<TemplateDraftValues>({ subject: '', text: '', html: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [clientId, setClientId] = useState('')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    api
      .details(template)
      .then((found) => {
        if (!live) return
        setDetails(found)
        setDraft(draftOf(found))
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [api, template])

  /** Runs a POST, shows its notice and field errors, and takes the template as it now is. */
  const run = async <T,>(call: () => Promise<TemplateAnswer<T>>, then?: (result: T) => void) => {
    if (busy) return
    setBusy(true)
    try {
      const answer = await call()
      setErrors(
        Object.fromEntries(
          Object.entries(answer.errors).map(([f, key]) => [f, translateMessage(key, resourceId)]),
        ),
      )
      handleResponse(answer.response)
      if (answer.result && then) then(answer.result)
    } finally {
      setBusy(false)
    }
  }
  const took = (found: TemplateDetails) => {
    setDetails(found)
    setDraft(draftOf(found))
  }

  if (failed) return <MessageBox variant="danger" message={t('loadFailed')} />
  if (!details) return <Loader />

  const field = (name: keyof TemplateDraftValues, max: number, rows: number | null, required: boolean) => (
    <FormGroup error={Boolean(errors[name])}>
      <Label htmlFor={`template-${name}`} required={required}>
        {t(`form.${name}`)}
      </Label>
      {rows === null ? (
        <Input
          id={`template-${name}`}
          name={name}
          width={1}
          maxLength={max}
          value={draft[name]}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setDraft({ ...draft, [name]: e.target.value })
          }
        />
      ) : (
        <TextArea
          id={`template-${name}`}
          name={name}
          width={1}
          rows={rows}
          maxLength={max}
          value={draft[name]}
          style={{ fontFamily: 'monospace' }}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
            setDraft({ ...draft, [name]: e.target.value })
          }
        />
      )}
      <FormMessage>{errors[name] ?? (name === 'html' ? t('form.htmlHelp') : '')}</FormMessage>
    </FormGroup>
  )

  return (
    <Box variant="container" data-testid="email-template-editor">
      <Button variant="text" onClick={onClose} mb="lg" data-testid="template-back">
        <Icon icon="ChevronLeft" />
        {t('backToList')}
      </Button>
      <H3>
        {t(`names.${details.key}`)} · {t(`languages.${details.language}`)}
      </H3>
      <Text mb="lg" data-testid="template-state">
        {details.edited ? t('editedBy', { by: details.updatedBy ?? '—' }) : t('shipped')}
      </Text>
      {errors.to ? <MessageBox variant="danger" message={errors.to} mb="lg" /> : null}

      <Box flex flexDirection={['column', 'column', 'row']} style={{ gap: 32 }}>
        <Box flexGrow={1} style={{ minWidth: 0 }}>
          <H5>{t('mergeFields')}</H5>
          <Box as="ul" mb="xl" data-testid="merge-fields">
            {details.fields.map((name) => (
              <Text as="li" key={name}>
                <code>{`{{${name}}}`}</code> — {mergeFieldLabel(name)}
                {details.required.includes(name) ? ` (${t('requiredField')})` : ''}
              </Text>
            ))}
          </Box>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void run(() => api.save(template, draft), took)
            }}
          >
            {field('subject', MAX_TEMPLATE_SUBJECT_LENGTH, null, true)}
            {field('text', MAX_TEMPLATE_TEXT_LENGTH, 14, true)}
            {field('html', MAX_TEMPLATE_HTML_LENGTH, 8, false)}
            <Box flex style={{ gap: 8, flexWrap: 'wrap' }}>
              <Button type="submit" variant="contained" disabled={busy} data-testid="template-save">
                <Icon icon="Save" />
                {t('save')}
              </Button>
              <Button
                type="button"
                disabled={busy}
                data-testid="template-test"
                onClick={() => void run(() => api.sendTest(template, draft, clientId))}
              >
                <Icon icon="Send" />
                {t('sendTest')}
              </Button>
              <Button
                type="button"
                variant="danger"
                disabled={busy || !details.edited}
                data-testid="template-reset"
                onClick={() => {
                  if (window.confirm(t('resetConfirm'))) void run(() => api.reset(template), took)
                }}
              >
                <Icon icon="RotateCcw" />
                {t('reset')}
              </Button>
            </Box>
          </form>
        </Box>
        <Box flexGrow={1} style={{ minWidth: 0 }}>
          <EmailTemplatePreview
            resourceId={resourceId}
            template={template}
            draft={draft}
            clientId={clientId}
            onClient={setClientId}
          />
        </Box>
      </Box>
      <EmailTemplateHistory resourceId={resourceId} history={details.history} />
    </Box>
  )
}

export default EmailTemplateEditor
