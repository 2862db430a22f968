// One field of an action's form, drawn by its widget (the schema's form meta): the branches are
// the widget kinds, never the action's name.
import React from 'react'
import { CheckBox, FormGroup, FormMessage, Input, Label, TextArea } from '@adminjs/design-system'
import { useTranslation, type RecordJSON } from 'adminjs'
import type { FormField } from './clientActionForms.js'
import ContractChoice from './ContractChoice.js'
import FieldExtras from './FieldExtras.js'
import TemplateChoice from './TemplateChoice.js'
import type { FormValues } from './useActionForm.js'

// The design system's message is one line high whatever it says: a longer one (a password too easy
// to guess) ran under the strength meter below it. It grows with its text.
const MESSAGE_STYLE: React.CSSProperties = { height: 'auto', minHeight: 24 }

export interface FieldInputProps {
  field: FormField
  values: FormValues
  set: (changed: FormValues) => void
  errors: Record<string, string>
  /** The field's label and other texts of the form (`forms.<id>.<key>`). */
  t: (key: string) => string
  resourceId: string
  record?: RecordJSON
  /** One client's contract choice: the list of its contracts instead of the "all" checkbox. */
  choosesContracts: boolean
  onContractIds: (ids: number[] | null) => void
}

const FieldInput: React.FC<FieldInputProps> = (props) => {
  const { field, values, set, errors, t, resourceId, record } = props
  const { translateLabel, translateMessage } = useTranslation()
  const id = `client-action-${field.name}`
  const value = String(values[field.name] ?? '')
  // A confirmation that differs from the password is flagged as it is typed (the server checks again).
  const differs =
    field.name === 'passwordConfirmation' && value !== '' && value !== String(values.password ?? '')
  const error = errors[field.name] || (differs ? translateMessage('passwordsDiffer', resourceId) : undefined)

  if (field.widget === 'templateChoice') {
    return (
      <TemplateChoice
        value={value}
        onPick={(picked) =>
          set({
            [field.name]: picked?.template ?? '',
            subject: picked?.subject ?? '',
            body: picked?.body ?? '',
          })
        }
      />
    )
  }
  if (field.widget === 'contractChoice' && props.choosesContracts) {
    return (
      <>
        <ContractChoice
          recordId={String(record?.id)}
          help={t('contractsHelp')}
          onChange={props.onContractIds}
        />
        {errors.contractIds && <FormMessage style={MESSAGE_STYLE}>{errors.contractIds}</FormMessage>}
      </>
    )
  }
  if (field.widget === 'checkbox' || field.widget === 'contractChoice') {
    return (
      <FormGroup error={Boolean(error)}>
        <CheckBox
          id={id}
          name={field.name}
          checked={Boolean(values[field.name])}
          onChange={() => set({ [field.name]: !values[field.name] })}
        />
        <Label inline htmlFor={id} ml="default">
          {t(field.name)}
        </Label>
        <FormMessage style={MESSAGE_STYLE}>{error}</FormMessage>
      </FormGroup>
    )
  }
  const common = {
    id,
    name: field.name,
    value,
    maxLength: field.maxLength,
    width: 1,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set({ [field.name]: e.target.value }),
  }
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} required={field.required}>
        {t(field.name)}
      </Label>
      {field.widget === 'select' ? (
        <select
          id={id}
          name={field.name}
          value={value}
          onChange={(e) => set({ [field.name]: e.target.value })}
        >
          <option value="">—</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {translateLabel(`${field.name}.${option}`, resourceId)}
            </option>
          ))}
        </select>
      ) : field.widget === 'textarea' ? (
        <TextArea {...common} rows={field.rows ?? 4} />
      ) : (
        <Input
          {...common}
          type={field.widget === 'password' ? 'password' : 'text'}
          inputMode={field.widget === 'amount' ? 'decimal' : undefined}
          autoComplete={field.widget === 'password' ? 'new-password' : 'off'}
        />
      )}
      <FormMessage style={MESSAGE_STYLE}>{error}</FormMessage>
      {field.extra && (
        <FieldExtras
          kind={field.extra}
          name={field.name}
          values={values}
          record={record}
          resourceId={resourceId}
        />
      )}
    </FormGroup>
  )
}

export default FieldInput
