import React from 'react'
import { Box, CheckBox, Input, Label, TextArea } from '@adminjs/design-system'
import {
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  fieldLabel,
  type CustomFieldDefinition,
} from '../../shared/customFields.js'

interface Props {
  field: CustomFieldDefinition
  /** The value as the form sends it: text; several choices comma-separated; yes/no `true`/`false`. */
  value: string
  language: string
  onChange: (value: string) => void
  /** The input's id (its label's `for`). */
  id: string
  invalid: boolean
}

const INPUT_TYPES: Partial<Record<CustomFieldDefinition['type'], string>> = {
  email: 'email',
  url: 'url',
  phone: 'tel',
  date: 'date',
}

/** One custom field's input, drawn from its type: the same rules as the server's schema. */
const CustomFieldInput: React.FC<Props> = ({ field, value, language, onChange, id, invalid }) => {
  const describedBy = invalid ? `${id}-error` : undefined
  switch (field.type) {
    case 'longText':
      return (
        <TextArea
          id={id}
          rows={4}
          maxLength={MAX_LONG_TEXT}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
          style={{ width: '100%' }}
        />
      )
    case 'yesNo':
      return (
        <CheckBox
          id={id}
          checked={value === 'true'}
          onChange={() => onChange(value === 'true' ? 'false' : 'true')}
        />
      )
    case 'choice':
      return (
        <select
          id={id}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          style={{ padding: 8, minWidth: 240 }}
        >
          <option value="">—</option>
          {field.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {fieldLabel(c, language)}
            </option>
          ))}
        </select>
      )
    case 'choices': {
      const picked = value.split(',').filter(Boolean)
      const toggle = (choice: string) =>
        onChange(
          (picked.includes(choice) ? picked.filter((p) => p !== choice) : [...picked, choice]).join(','),
        )
      return (
        <Box flex style={{ gap: 16, flexWrap: 'wrap' }} role="group" aria-labelledby={`${id}-label`}>
          {field.choices.map((c) => (
            <Box key={c.value} flex alignItems="center">
              <CheckBox
                id={`${id}-${c.value}`}
                checked={picked.includes(c.value)}
                onChange={() => toggle(c.value)}
              />
              <Label inline htmlFor={`${id}-${c.value}`} ml="sm">
                {fieldLabel(c, language)}
              </Label>
            </Box>
          ))}
        </Box>
      )
    }
    default:
      return (
        <Input
          id={id}
          type={INPUT_TYPES[field.type] ?? 'text'}
          inputMode={['number', 'decimal', 'money'].includes(field.type) ? 'decimal' : undefined}
          maxLength={MAX_SHORT_TEXT}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          style={{ width: '100%' }}
        />
      )
  }
}

export default CustomFieldInput
