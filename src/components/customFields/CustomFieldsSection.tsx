import React from 'react'
import { Box, H3 } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { fieldLabel, valueText, isBlankValue } from '../../shared/customFields.js'
import { TAG_COLOUR_HEX } from '../../shared/tags.js'
import LabelledValue from '../clientShow/LabelledValue.js'
import { resourceId } from '../common/resourceId.js'
import { useCustomFields } from './useCustomFields.js'

/**
 * The client's custom fields on its Details tab, in their own section: each field this admin
 * may see under its label in the panel's language; choices as chips of their colour. Labels and
 * values are text nodes (React escapes them), whatever an admin or an import wrote.
 */
const CustomFieldsSection: React.FC<{ recordId: string; language: string }> = ({ recordId, language }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string) => translateComponent(`CustomFields.${key}`, resourceId('Client'))
  const { fields, values, missing } = useCustomFields(recordId)
  if (fields.length === 0) return null
  return (
    <Box mb="xl" data-testid="custom-fields">
      <H3>{t('title')}</H3>
      <Box flex style={{ flexWrap: 'wrap' }}>
        {fields.map((field) => {
          const value = values[field.key] ?? null
          const chosen = Array.isArray(value)
            ? value
            : field.type === 'choice' && value
              ? [String(value)]
              : []
          return (
            <LabelledValue
              key={field.key}
              label={fieldLabel(field, language)}
              testId={`custom-field-${field.key}`}
            >
              {isBlankValue(value) ? (
                missing.includes(field.key) ? (
                  // Required but empty: a field for admins only left by a support's create.
                  <span style={{ color: '#c20012' }} data-testid={`custom-field-missing-${field.key}`}>
                    {t('missing')}
                  </span>
                ) : (
                  t('none')
                )
              ) : chosen.length > 0 ? (
                chosen.map((v) => {
                  const choice = field.choices.find((c) => c.value === v)
                  return (
                    <span
                      key={v}
                      style={{
                        background: TAG_COLOUR_HEX[choice?.colour ?? 'grey'],
                        color: '#fff',
                        borderRadius: 10,
                        padding: '1px 8px',
                        marginRight: 4,
                      }}
                    >
                      {choice ? fieldLabel(choice, language) : v}
                    </span>
                  )
                })
              ) : (
                valueText(field, value, language)
              )}
            </LabelledValue>
          )
        })}
      </Box>
    </Box>
  )
}

export default CustomFieldsSection
