import React from 'react'
import { Box, Button, H4, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import {
  conflictDetail,
  type IdentityDecision,
  type IdentityDecisions,
} from '../../shared/identityConflict.js'
import type { DryRun } from './importSteps.js'
import { useCommissionImportText } from './useCommissionImportText.js'

/**
 * The dry run's identity conflicts, both identities side by side, each with "attach anyway" and
 * "skip", and both for all at once. The choices go with the import and are kept on its batch.
 */
const IdentityConflicts: React.FC<{
  resourceId: string
  dryRun: DryRun
  decisions: IdentityDecisions
  busy: boolean
  onDecide: (line: number | null, decision: IdentityDecision | null) => void
}> = ({ resourceId, dryRun, decisions, busy, onDecide }) => {
  const { translateMessage } = useTranslation()
  const t = useCommissionImportText(resourceId)
  const conflicts = dryRun.errors.filter((e) => e.conflict)
  const attached = Object.values(decisions.lines).filter((d) => d === 'attach').length
  const decided = decisions.all !== null || Object.keys(decisions.lines).length > 0
  if (conflicts.length === 0 && !decided) return null
  return (
    <Box mb="lg" data-testid="import-conflicts">
      <H4>{t('conflicts.title')}</H4>
      <Text mb="default">{t('conflicts.help')}</Text>
      <Box mb="default">
        <Button variant="outlined" mr="default" disabled={busy} onClick={() => onDecide(null, 'attach')}>
          {t('conflicts.attachAll')}
        </Button>
        <Button variant="outlined" mr="default" disabled={busy} onClick={() => onDecide(null, 'skip')}>
          {t('conflicts.skipAll')}
        </Button>
        {decided && (
          <Button variant="text" disabled={busy} onClick={() => onDecide(null, null)}>
            {t('conflicts.reset')}
          </Button>
        )}
      </Box>
      {attached > 0 && <Text mb="default">{t('conflicts.attached', { count: attached })}</Text>}
      <Table>
        <TableBody>
          {conflicts.slice(0, 100).map((e) => (
            <TableRow key={e.line} data-conflict-line={e.line}>
              <TableCell>
                {e.conflict &&
                  translateMessage(
                    'importIdentityConflictDetail',
                    resourceId,
                    conflictDetail(e.line, e.conflict),
                  )}
              </TableCell>
              <TableCell>
                <Button size="sm" mr="sm" disabled={busy} onClick={() => onDecide(e.line, 'attach')}>
                  {t('conflicts.attach')}
                </Button>
                <Button
                  size="sm"
                  variant={e.errors.includes('importIdentitySkipped') ? 'contained' : 'outlined'}
                  disabled={busy}
                  onClick={() => onDecide(e.line, 'skip')}
                >
                  {t('conflicts.skip')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  )
}

export default IdentityConflicts
