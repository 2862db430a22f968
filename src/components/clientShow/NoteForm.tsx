import React, { useState } from 'react'
import { Box, Button, FormGroup, FormMessage, Icon, Label, TextArea } from '@adminjs/design-system'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import { useClientShowText } from './useClientShowText.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

/** The note form above the notes: posts to `addNote`, shows its notice, then the list again. */
const NoteForm: React.FC<{ recordId: string; onAdded: () => void }> = ({ recordId, onAdded }) => {
  const { translateMessage } = useTranslation()
  const t = useClientShowText()
  const addNotice = useNotice()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setSending(true)
    setError(null)
    const data = new FormData()
    data.append('body', body)
    try {
      const res = await api.recordAction({
        resourceId: resourceId('Client'),
        recordId,
        actionName: 'addNote',
        data,
      })
      const fieldError = (res.data.record?.errors?.body as { message?: string } | undefined)?.message
      if (fieldError) {
        setError(translateMessage(fieldError, resourceId('Client')))
        return
      }
      const notice = res.data.notice
      if (notice) {
        addNotice({
          message: translateMessage(notice.message, resourceId('Client'), notice.options),
          type: notice.type,
        })
      }
      if (notice?.type !== 'error') {
        setBody('')
        onAdded()
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <Box as="form" onSubmit={submit} mb="xl" data-testid="note-form" noValidate>
      <FormGroup error={Boolean(error)}>
        <Label htmlFor="client-note-body" required>
          {t('noteBody')}
        </Label>
        <TextArea
          id="client-note-body"
          name="body"
          rows={3}
          width={1}
          value={body}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setBody(e.target.value)}
        />
        <FormMessage>{error}</FormMessage>
      </FormGroup>
      <Button type="submit" variant="contained" size="sm" disabled={sending} data-testid="note-submit">
        <Icon icon={sending ? 'Loader' : 'MessageSquare'} spin={sending} />
        {t('addNote')}
      </Button>
    </Box>
  )
}

export default NoteForm
