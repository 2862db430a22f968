import React, { useState } from 'react'
import { Button, Icon, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { EXPORT_COLUMNS } from '../../shared/exportColumns.js'
import { resourceId } from '../common/resourceId.js'
import { downloadUrl, postDownload } from './postDownload.js'

/** The Export button of a client's history tab: every column of the tab, as CSV, in the panel's language. */
const ExportButton: React.FC<{ recordId: string }> = ({ recordId }) => {
  const { translateComponent, translateMessage, i18n } = useTranslation()
  const [state, setState] = useState<{ sending: boolean; error?: string }>({ sending: false })
  const download = async () => {
    if (state.sending) return
    setState({ sending: true })
    const columns = EXPORT_COLUMNS.ClientHistory.map((c) => c.key).join(',')
    const lang = i18n.language?.startsWith('en') ? 'en' : 'fr'
    try {
      const result = await postDownload(
        downloadUrl(resourceId('Client'), 'exportHistory', recordId),
        { columns, lang },
        'history.csv',
      )
      setState(result.ok ? { sending: false } : { sending: false, error: result.message })
    } catch {
      setState({ sending: false, error: 'serverError' })
    }
  }
  return (
    <>
      <Button type="button" size="sm" variant="outlined" onClick={download} data-testid="export-history">
        <Icon icon="Download" />
        {translateComponent('ExportButton.label', resourceId('Client'))}
      </Button>
      {state.error && (
        <Text variant="sm" color="error">
          {translateMessage(state.error, resourceId('Client'))}
        </Text>
      )}
    </>
  )
}

export default ExportButton
