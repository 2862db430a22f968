import React, { useState } from 'react'
import { Box, FormGroup, FormMessage, H3, Label } from '@adminjs/design-system'
import { useTranslation, type EditPropertyProps } from 'adminjs'
import {
  customFieldName,
  fieldLabel,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../shared/customFields.js'
import { resourceId } from '../common/resourceId.js'
import CustomFieldInput from './CustomFieldInput.js'
import { useCustomFields } from './useCustomFields.js'

/** A stored value as the form's text (what the server's schema reads back). */
function formText(field: CustomFieldDefinition, value: CustomValue | undefined): string {
  if (value === null || value === undefined) return field.type === 'yesNo' ? 'false' : ''
  if (Array.isArray(value)) return value.join(',')
  return String(value)
}

/**
 * The client form's custom fields, in their own section: one input per field the admin may see,
 * drawn from the definitions; each change goes into the record as `cf__key` (only what was
 * touched is sent, so an edit leaves the other fields as they are); the server's field errors
 * under each input.
 */
const CustomFieldInputs: React.FC<EditPropertyProps> = ({ record, onChange }) => {
  const { translateComponent, translateMessage, i18n } = useTranslation()
  const language = i18n.language
  const { fields, values } = useCustomFields(record?.id || undefined)
  const [typed, setTyped] = useState<Record<string, string>>({})
  if (fields.length === 0) return null
  const change = (field: CustomFieldDefinition, text: string) => {
    setTyped((before) => ({ ...before, [field.key]: text }))
    onChange(customFieldName(field.key), text)
  }
  return (
    <Box mb="xl" data-testid="custom-field-inputs">
      <H3>{translateComponent('CustomFields.title', resourceId('Client'))}</H3>
      {fields.map((field) => {
        const name = customFieldName(field.key)
        const id = `custom-field-${field.key}`
        const error = record?.errors?.[name]
        const sent = record?.params?.[name]
        const text =
          typed[field.key] ?? (typeof sent === 'string' ? sent : formText(field, values[field.key]))
        return (
          <FormGroup key={field.key} error={Boolean(error)}>
            <Label id={`${id}-label`} htmlFor={id} required={field.required}>
              {fieldLabel(field, language)}
            </Label>
            <CustomFieldInput
              field={field}
              value={text}
              language={language}
              id={id}
              invalid={Boolean(error)}
              onChange={(value) => change(field, value)}
            />
            <FormMessage id={`${id}-error`}>
              {error ? translateMessage(error.message, resourceId('Client')) : null}
            </FormMessage>
          </FormGroup>
        )
      })}
    </Box>
  )
}

export default CustomFieldInputs
