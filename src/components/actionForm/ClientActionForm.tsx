import React from 'react'
import { Box, Button, DrawerContent, Icon, MessageBox } from '@adminjs/design-system'
import { useTranslation, type ActionProps } from 'adminjs'
import { CLIENT_ACTION_FORMS, formFields } from './clientActionForms.js'
import BulkDrawerFrame from '../common/BulkDrawerFrame.js'
import ActionFormHeader from './ActionFormHeader.js'
import FieldInput from './FieldInput.js'
import { useActionForm } from './useActionForm.js'
import { useFormTexts } from './useFormTexts.js'

/**
 * The form of every form action (suspend, ban, send an email…), drawn from the action's input
 * schema (clientActionForms.ts → src/shared/actionInputs/), and the confirmation of those
 * without fields. It posts to the action, shows the notice it answers with, and puts field
 * errors next to their field.
 */
const ClientActionForm: React.FC<ActionProps> = (props) => {
  const { action, resource, record, records } = props
  const { translateComponent, translateAction } = useTranslation()
  const form = CLIENT_ACTION_FORMS[action.name] ?? { id: action.name }
  const fields = formFields(form)
  // One client: a contract choice lists its contracts (those ticked are sent as `contractIds`).
  const choosesContracts = Boolean(record && !records && fields.some((f) => f.widget === 'contractChoice'))
  const state = useActionForm(props, fields, choosesContracts)
  const t = useFormTexts(form, resource.id, record, records)

  const body = (
    <Box as="form" onSubmit={state.submit} data-testid={`client-action-${action.name}`} noValidate>
      <DrawerContent>
        <ActionFormHeader
          action={action}
          resource={resource}
          record={record}
          records={records}
          form={form}
          t={t}
        />
        {fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            values={state.values}
            set={state.set}
            errors={state.errors}
            t={t}
            resourceId={resource.id}
            record={record}
            choosesContracts={choosesContracts}
            onContractIds={state.setContractIds}
          />
        ))}
        {state.openedUrl && (
          <MessageBox mb="xl" variant="success" data-testid="impersonation-link">
            <a href={state.openedUrl} target="_blank" rel="noopener noreferrer">
              {translateComponent('ActionFormExtras.impersonationOpen', resource.id)}
            </a>
          </MessageBox>
        )}
        <Box mt="xl">
          <Button
            type="submit"
            variant={action.variant === 'danger' ? 'danger' : 'contained'}
            disabled={state.sending || (choosesContracts && state.contractIds === null)}
            data-testid="client-action-submit"
          >
            <Icon icon={state.sending ? 'Loader' : (action.icon ?? 'Check')} spin={state.sending} />
            {t('submit')}
          </Button>
        </Box>
      </DrawerContent>
    </Box>
  )
  // A record's drawer gets its frame from the route (RecordActionRoute); a bulk one gets it here.
  return records ? (
    <BulkDrawerFrame title={translateAction(action.label, resource.id)} resourceId={resource.id}>
      {body}
    </BulkDrawerFrame>
  ) : (
    body
  )
}

export default ClientActionForm
