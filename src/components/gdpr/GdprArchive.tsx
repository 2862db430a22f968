import React, { useState } from 'react'
import { Box, Button, Icon, MessageBox, Text } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import { downloadUrl, postDownload } from '../export/postDownload.js'

/** The GDPR archive drawer: what the ZIP holds, and its download (recorded in the client's history). */
const GdprArchive: React.FC<ActionProps> = ({ resource, record }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const t = (key: string) => translateComponent(`GdprArchive.${key}`, resource.id)
  const [state, setState] = useState<{ sending: boolean; error?: string; done?: boolean }>({ sending: false })
  const download = async () => {
    if (state.sending || !record) return
    setState({ sending: true })
    try {
      const result = await postDownload(
        downloadUrl(resource.id, 'gdprArchive', String(record.id)),
        {},
        `client-${record.params.clientNumber}-data.zip`,
      )
      setState(result.ok ? { sending: false, done: true } : { sending: false, error: result.message })
    } catch {
      setState({ sending: false, error: 'serverError' })
    }
  }
  return (
    <Box p="lg" data-testid="gdpr-archive">
      <Text mb="lg">{t('intro')}</Text>
      {state.error && (
        <MessageBox variant="danger" message={translateMessage(state.error, resource.id)} mb="default" />
      )}
      {state.done && <MessageBox variant="success" message={t('done')} mb="default" />}
      <Button type="button" variant="contained" onClick={download} disabled={state.sending}>
        <Icon icon="Archive" />
        {state.sending ? t('downloading') : t('download')}
      </Button>
    </Box>
  )
}

export default GdprArchive
