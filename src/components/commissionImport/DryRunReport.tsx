import React from 'react'
import {
  Box,
  Button,
  FormGroup,
  FormMessage,
  H3,
  Input,
  Label,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { conflictDetail } from '../../shared/identityConflict.js'
import { downloadErrorsCsv } from './downloadErrorsCsv.js'
import type { DryRun } from './importSteps.js'
import { useCommissionImportText } from './useCommissionImportText.js'

/**
 * Step 3: what the import would do (counts, the lines in error, a sample of the matches), a name
 * to save the mapping under, and the button that imports.
 */
const DryRunReport: React.FC<{
  resourceId: string
  dryRun: DryRun
  fileName: string | undefined
  mappingName: string
  busy: boolean
  onMappingName: (name: string) => void
  onImport: () => void
}> = ({ resourceId, dryRun, fileName, mappingName, busy, onMappingName, onImport }) => {
  const { translateMessage, translateProperty } = useTranslation()
  const t = useCommissionImportText(resourceId)
  const messages = (e: DryRun['errors'][number]) =>
    [
      ...e.errors.map((m) => translateMessage(m, resourceId)),
      ...(e.conflict
        ? [translateMessage('importIdentityConflictDetail', resourceId, conflictDetail(e.line, e.conflict))]
        : []),
    ].join(', ')
  const downloadErrors = () =>
    downloadErrorsCsv(
      fileName?.replace(/\.csv$/i, '') ?? 'import',
      [t('line'), t('errors')],
      dryRun.errors.map((e) => [String(e.line), messages(e)]),
    )

  return (
    <Box mt="xxl" data-testid="import-dry-run-result">
      <H3>{t('dryRunTitle')}</H3>
      <Table mb="lg">
        <TableBody>
          {Object.entries(dryRun.counts).map(([name, value]) => (
            <TableRow key={name}>
              <TableCell>{t(`counts.${name}`)}</TableCell>
              <TableCell data-count={name}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {dryRun.errors.length > 0 && (
        <Box mb="lg">
          <Button variant="text" onClick={downloadErrors} data-testid="import-errors-csv">
            {t('downloadErrors')}
          </Button>
          <Table>
            <TableHead>
              <TableRow>
                <TableCell>{t('line')}</TableCell>
                <TableCell>{t('errors')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {dryRun.errors.slice(0, 100).map((e) => (
                <TableRow key={e.line}>
                  <TableCell>{e.line}</TableCell>
                  <TableCell>{messages(e)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Table mb="lg">
        <TableHead>
          <TableRow>
            <TableCell>{t('line')}</TableCell>
            <TableCell>{translateProperty('clientId', resourceId)}</TableCell>
            <TableCell>{translateProperty('contractId', resourceId)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {dryRun.sample
            .filter((o) => o.errors.length === 0)
            .map((o) => (
              <TableRow key={o.line}>
                <TableCell>{o.line}</TableCell>
                <TableCell>
                  {t(`match.${o.client?.match}`, { score: o.client?.score ?? '' })} — {o.client?.label}
                </TableCell>
                <TableCell>
                  {t(`contract.${o.contract?.match}`)} {o.contract?.reference ?? ''}
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
      <FormGroup>
        <Label htmlFor="import-mapping-name">{t('saveMappingAs')}</Label>
        <Input
          id="import-mapping-name"
          value={mappingName}
          maxLength={60}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onMappingName(e.target.value)}
        />
        <FormMessage />
      </FormGroup>
      <Button
        variant="contained"
        onClick={onImport}
        disabled={busy || dryRun.counts.imported === 0}
        data-testid="import-run"
      >
        {t('import', { count: dryRun.counts.imported })}
      </Button>
    </Box>
  )
}

export default DryRunReport
