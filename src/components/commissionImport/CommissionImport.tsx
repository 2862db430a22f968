import React from 'react'
import { Box, H3, MessageBox, Text } from '@adminjs/design-system'
import type { ActionProps } from 'adminjs'
import DryRunReport from './DryRunReport.js'
import IdentityConflicts from './IdentityConflicts.js'
import ImportProgress from './ImportProgress.js'
import MappingStep from './MappingStep.js'
import UploadStep from './UploadStep.js'
import { useCommissionImport } from './useCommissionImport.js'
import { useCommissionImportText } from './useCommissionImportText.js'

/** The steps of a commission import: file, mapping, dry run, import with progress, result. */
const CommissionImport: React.FC<ActionProps> = ({ resource }) => {
  const t = useCommissionImportText(resource.id)
  const run = useCommissionImport(resource.id)
  const { setup, upload, dryRun, batch, busy, error } = run

  if (!setup) return <Text>{t('loading')}</Text>
  return (
    <Box variant="container" data-testid="commission-import">
      <H3>{t('title')}</H3>
      <Text mb="lg">{t('help')}</Text>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="import-error" />}
      <UploadStep resourceId={resource.id} busy={busy} onRead={(file) => void run.readFile(file)} />
      {upload && (
        <MappingStep
          resourceId={resource.id}
          setup={setup}
          upload={upload}
          mapping={run.mapping}
          busy={busy}
          onChooseSaved={run.chooseSavedMapping}
          onMapField={run.mapField}
          onDryRun={() => void run.runDry()}
        />
      )}
      {dryRun && !batch && (
        <IdentityConflicts
          resourceId={resource.id}
          dryRun={dryRun}
          decisions={run.decisions}
          busy={busy}
          onDecide={(line, decision) => void run.decide(line, decision)}
        />
      )}
      {dryRun && !batch && (
        <DryRunReport
          resourceId={resource.id}
          dryRun={dryRun}
          fileName={upload?.fileName}
          mappingName={run.mappingName}
          busy={busy}
          onMappingName={run.setMappingName}
          onImport={() => void run.runImport()}
        />
      )}
      {batch && <ImportProgress resourceId={resource.id} batch={batch} total={dryRun?.counts.rows ?? 0} />}
    </Box>
  )
}

export default CommissionImport
