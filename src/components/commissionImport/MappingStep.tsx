import React from 'react'
import {
  Box,
  Button,
  FormGroup,
  Label,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import type { Mapping, Setup, Upload } from './importSteps.js'
import { useCommissionImportText } from './useCommissionImportText.js'
import { useTranslation } from 'adminjs'
import { fieldLabel } from '../../shared/customFields.js'

/** Step 2: the file's layout as detected, a saved mapping to start from, a column for each field. */
const MappingStep: React.FC<{
  resourceId: string
  setup: Setup
  upload: Upload
  mapping: Mapping
  busy: boolean
  onChooseSaved: (name: string) => void
  onMapField: (field: string, column: number | null) => void
  onDryRun: () => void
}> = ({ resourceId, setup, upload, mapping, busy, onChooseSaved, onMapField, onDryRun }) => {
  const t = useCommissionImportText(resourceId)
  const { i18n } = useTranslation()
  // Built-in fields, then the custom fields of the new clients, by their label in the admin's language.
  const rows = [
    ...setup.fields.map((field) => ({ field, label: t(`fields.${field}`) })),
    ...(setup.customFields ?? []).map((f) => ({
      field: f.name,
      label: t('customField', { label: fieldLabel(f, i18n.language) }),
    })),
  ]
  return (
    <Box mt="xxl" data-testid="import-mapping">
      <Text mb="default">
        {t('detected', {
          encoding: upload.layout.encoding,
          delimiter: upload.layout.delimiter,
          columns: upload.layout.headers.length,
        })}
      </Text>
      {Object.keys(setup.saved).length > 0 && (
        <FormGroup>
          <Label htmlFor="import-saved">{t('savedMappings')}</Label>
          <select id="import-saved" defaultValue="" onChange={(e) => onChooseSaved(e.target.value)}>
            <option value="">—</option>
            {Object.keys(setup.saved).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </FormGroup>
      )}
      <Table mb="lg">
        <TableHead>
          <TableRow>
            <TableCell>{t('field')}</TableCell>
            <TableCell>{t('column')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ field, label }) => (
            <TableRow key={field}>
              <TableCell>
                {label}
                {setup.required.includes(field) ? ' *' : ''}
              </TableCell>
              <TableCell>
                <select
                  aria-label={label}
                  data-field={field}
                  value={mapping[field] ?? ''}
                  onChange={(e) => onMapField(field, e.target.value === '' ? null : Number(e.target.value))}
                >
                  <option value="">{t('notInFile')}</option>
                  {upload.layout.headers.map((header, i) => (
                    <option key={`${header}-${i}`} value={i}>
                      {header || `#${i + 1}`}
                    </option>
                  ))}
                </select>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button onClick={onDryRun} disabled={busy} data-testid="import-dry-run">
        {t('dryRun')}
      </Button>
    </Box>
  )
}

export default MappingStep
