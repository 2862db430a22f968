import React, { useEffect, useMemo, useState } from 'react'
import { Box, FormGroup, H5, Input, Label, Text } from '@adminjs/design-system'
import { ApiClient, useTranslation, type RecordJSON } from 'adminjs'
import { resourceId as pluginResourceId } from '../common/resourceId.js'
import {
  templateApi,
  type TemplateDraftValues,
  type TemplatePreview,
  type TemplateRef,
} from './templateApi.js'

const api = new ApiClient()
// The preview follows the typing, once it pauses.
const PAUSE_MS = 400

/**
 * The live preview of a template being edited: for a client the admin looks up by number or
 * name (or a sample client), the subject, the text and the HTML as the client would receive
 * them. The HTML is shown in a sandboxed frame: nothing in it runs.
 */
const EmailTemplatePreview: React.FC<{
  resourceId: string
  template: TemplateRef
  draft: TemplateDraftValues
  clientId: string
  onClient: (id: string) => void
}> = ({ resourceId, template, draft, clientId, onClient }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`EmailTemplates.${key}`, resourceId, options)
  const calls = useMemo(() => templateApi(resourceId), [resourceId])
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<RecordJSON[]>([])
  const [preview, setPreview] = useState<TemplatePreview | null>(null)
  const [problems, setProblems] = useState<string[]>([])

  useEffect(() => {
    const q = query.trim()
    let live = true
    const timer = setTimeout(() => {
      if (q.length < 2) return setFound([])
      api
        .searchRecords({ resourceId: pluginResourceId('Client'), query: q })
        .then((records) => live && setFound(records.slice(0, 10)))
        .catch(() => live && setFound([]))
    }, PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      calls
        .preview(template, draft, clientId)
        .then((answer) => {
          if (!live) return
          setPreview(answer.result)
          setProblems(
            Object.entries(answer.errors).map(
              ([field, key]) => `${t(`form.${field}`)}: ${translateMessage(key, resourceId)}`,
            ),
          )
        })
        .catch(() => live && setProblems([t('previewFailed')]))
    }, PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // t and translateMessage change identity on every render; the inputs below are what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [calls, template, draft, clientId])

  return (
    <Box data-testid="template-preview">
      <H5>{t('preview')}</H5>
      <FormGroup>
        <Label htmlFor="template-client">{t('previewClient')}</Label>
        <Input
          id="template-client"
          width={1}
          value={query}
          placeholder={t('previewClientPlaceholder')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('previewClient')}
          data-testid="template-client-choice"
          value={clientId}
          onChange={(e) => onClient(e.target.value)}
          style={{ marginTop: 8, width: '100%' }}
        >
          <option value="">{t('sampleClient')}</option>
          {found.map((record) => (
            <option key={record.id} value={record.id}>
              {[record.params.clientNumber, record.params.lastName, record.params.firstName]
                .filter(Boolean)
                .join(' · ')}
            </option>
          ))}
        </select>
      </FormGroup>
      {problems.length > 0 ? (
        <Box mb="lg" data-testid="template-preview-problems">
          {problems.map((p) => (
            <Text key={p} color="error">
              {p}
            </Text>
          ))}
        </Box>
      ) : null}
      {preview ? (
        <Box p="lg" style={{ border: '1px solid #DEE2E6', borderRadius: 4 }}>
          <Text fontWeight="bold" mb="default" data-testid="template-preview-subject">
            {preview.subject}
          </Text>
          <Text
            as="pre"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
            data-testid="template-preview-text"
          >
            {preview.text}
          </Text>
          <Label mt="lg">{t('previewHtml')}</Label>
          <iframe
            title={t('previewHtml')}
            sandbox=""
            srcDoc={preview.html}
            style={{ width: '100%', height: 260, border: '1px solid #DEE2E6', background: '#fff' }}
          />
        </Box>
      ) : null}
    </Box>
  )
}

export default EmailTemplatePreview
