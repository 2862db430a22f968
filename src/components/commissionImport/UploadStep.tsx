import React, { useState } from 'react'
import { Button, FormGroup, Label } from '@adminjs/design-system'
import { useCommissionImportText } from './useCommissionImportText.js'

/** Step 1: the CSV file, sent to the server to be read. */
const UploadStep: React.FC<{ resourceId: string; busy: boolean; onRead: (file: File) => void }> = ({
  resourceId,
  busy,
  onRead,
}) => {
  const t = useCommissionImportText(resourceId)
  const [file, setFile] = useState<File | null>(null)
  return (
    <>
      <FormGroup>
        <Label htmlFor="import-file">{t('file')}</Label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </FormGroup>
      <Button onClick={() => file && onRead(file)} disabled={!file || busy} data-testid="import-read">
        {t('read')}
      </Button>
    </>
  )
}

export default UploadStep
