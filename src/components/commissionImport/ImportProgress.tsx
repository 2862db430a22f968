import React from 'react'
import { Box, H3, Link, MessageBox, Text } from '@adminjs/design-system'
import { ViewHelpers } from 'adminjs'
import { isActive, type Batch } from './importSteps.js'
import { useCommissionImportText } from './useCommissionImportText.js'
import { resourceId as pluginResourceId } from '../common/resourceId.js'

const h = new ViewHelpers()

/** Step 4: the running import's progress bar, then its result with links to the batch and its clients. */
const ImportProgress: React.FC<{ resourceId: string; batch: Batch; total: number }> = ({
  resourceId,
  batch,
  total,
}) => {
  const t = useCommissionImportText(resourceId)
  return (
    <Box mt="xxl" data-testid="import-progress" data-status={batch.status}>
      <H3>{t(`status.${batch.status}`)}</H3>
      <Box
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={batch.rowsRead}
        bg="grey20"
        height={12}
        mb="lg"
      >
        <Box
          bg="primary100"
          height={12}
          width={`${total ? Math.min(100, (100 * batch.rowsRead) / total) : 100}%`}
        />
      </Box>
      {batch.status === 'queued' && (
        <Text mb="default" data-testid="import-waiting">
          {t(batch.rowsRead > 0 ? 'waitingToResume' : 'waitingForWorker')}
        </Text>
      )}
      <Text>
        {t(total ? 'progress' : 'progressSoFar', {
          read: batch.rowsRead,
          total,
          imported: batch.rowsImported,
          failed: batch.rowsFailed,
        })}
      </Text>
      {batch.attempts > 1 && batch.status === 'running' && <Text mt="default">{t('resumed')}</Text>}
      {batch.failure && (
        <MessageBox
          mt="lg"
          variant="danger"
          message={batch.failure === 'importUploadGone' ? t('uploadGone') : batch.failure}
        />
      )}
      {!isActive(batch) && (
        <Box mt="lg">
          <Text>
            {t('result', {
              created: batch.clientsCreated,
              matched: batch.clientsMatched,
              contracts: batch.contractsCreated,
            })}
          </Text>
          <Link
            href={h.recordActionUrl({
              resourceId: pluginResourceId('ImportBatch'),
              recordId: String(batch.id),
              actionName: 'show',
            })}
            mr="lg"
            data-testid="import-batch-link"
          >
            {t('openBatch')}
          </Link>
          <Link
            href={h.resourceUrl({
              resourceId: pluginResourceId('Client'),
              search: `?filters.importBatchId=${batch.id}`,
            })}
          >
            {t('createdClients')}
          </Link>
        </Box>
      )}
    </Box>
  )
}

export default ImportProgress
