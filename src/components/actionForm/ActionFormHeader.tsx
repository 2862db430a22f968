// The top of an action's form: the title (what is done to whom), the intro, the selection of a
// bulk action, and the record properties the form shows read-only.
import React from 'react'
import { Box, FormGroup, H3, Label, MessageBox, Text } from '@adminjs/design-system'
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs'
import { clientTitleParts } from '../common/clientTitles.js'
import { resourceId } from '../common/resourceId.js'
import type { ActionForm } from './clientActionForms.js'

const describe = (record: RecordJSON) =>
  [record.params.clientNumber, record.params.lastName, record.params.firstName].filter(Boolean).join(' · ')

const ActionFormHeader: React.FC<
  Pick<ActionProps, 'action' | 'resource' | 'record' | 'records'> & {
    form: ActionForm
    t: (key: string, options?: Record<string, unknown>) => string
  }
> = ({ action, resource, record, records, form, t }) => {
  const { translateProperty, translateComponent, translateAction } = useTranslation()
  return (
    <>
      {/* AdminJS puts no header in a drawer: the title says what is done to whom. */}
      <H3 mb="xl" data-testid="action-title">
        {record && !records && resource.id === resourceId('Client')
          ? translateComponent('ClientTitles.action', resourceId('Client'), {
              ...clientTitleParts(record.params),
              action: translateAction(action.label, resource.id),
            })
          : translateAction(action.label, resource.id)}
      </H3>
      <MessageBox
        mb="xl"
        variant={action.variant === 'danger' ? 'warning' : 'info'}
        // One record chosen in the list reads as one ("le client"), never "les 1 clients".
        message={records && records.length > 1 ? t('bulkIntro', { count: records.length }) : t('intro')}
      />
      {records && (
        <Box mb="xl" as="ul" data-testid="selection">
          {records.map((r) => (
            <Text as="li" key={r.id}>
              {describe(r)}
            </Text>
          ))}
        </Box>
      )}
      {record &&
        (form.show ?? []).map((name) => (
          <FormGroup key={name}>
            <Label>{translateProperty(name, resource.id)}</Label>
            <Text data-testid={`show-${name}`}>{String(record.params[name] ?? '—')}</Text>
          </FormGroup>
        ))}
    </>
  )
}

export default ActionFormHeader
