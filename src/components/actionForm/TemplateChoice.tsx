import React, { useEffect, useState } from 'react'
import { FormGroup, Label, Text } from '@adminjs/design-system'
import { ApiClient, useTranslation } from 'adminjs'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

interface MessageTemplate {
  key: string
  language: string
  subject: string
  text: string
}

/**
 * "Write from: …" in the send-an-email form: a blank email, or one of the admin's message
 * templates (as edited in Email templates), which fills the subject and the body. Its merge
 * fields (`{{firstName}}`…) are filled for each client when the email is sent.
 */
const TemplateChoice: React.FC<{
  value: string
  onPick: (picked: { template: string; subject: string; body: string } | null) => void
}> = ({ value, onPick }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`EmailTemplates.${key}`, resourceId('Client'), options)
  const [templates, setTemplates] = useState<MessageTemplate[]>([])

  useEffect(() => {
    let live = true
    api
      .resourceAction({ resourceId: resourceId('Client'), actionName: 'messageTemplates' })
      .then((res) => {
        const list = (res.data as { emailTemplate?: MessageTemplate[] }).emailTemplate
        if (live && Array.isArray(list)) setTemplates(list)
      })
      // Without the list, the email is written from blank as before.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])

  const idOf = (m: MessageTemplate) => `${m.key}:${m.language}`
  return (
    <FormGroup>
      <Label htmlFor="client-action-template">{t('writeFrom')}</Label>
      <select
        id="client-action-template"
        data-testid="write-from"
        value={value}
        onChange={(e) => {
          const picked = templates.find((m) => idOf(m) === e.target.value)
          onPick(picked ? { template: idOf(picked), subject: picked.subject, body: picked.text } : null)
        }}
        style={{ width: '100%' }}
      >
        <option value="">{t('blank')}</option>
        {templates.map((m) => (
          <option key={idOf(m)} value={idOf(m)}>
            {t(`names.${m.key}`)} ({t(`languages.${m.language}`)})
          </option>
        ))}
      </select>
      {value ? (
        <Text fontSize="sm" color="grey60" mt="sm">
          {t('writeFromHelp')}
        </Text>
      ) : null}
    </FormGroup>
  )
}

export default TemplateChoice
