import React from 'react'
import { Box, CheckBox, FormGroup, Label, Link, MessageBox, Text } from '@adminjs/design-system'
import { ViewHelpers, useTranslation, type EditPropertyProps } from 'adminjs'
import { resourceId } from '../common/resourceId.js'

interface Duplicate {
  id: number
  clientNumber: string
  lastName: string
  firstName: string | null
  reasons: string[]
}

const h = new ViewHelpers()

/**
 * On the client form: nothing, until a save finds likely duplicates. Then the list, each a link
 * to the client, and the "save anyway" checkbox.
 */
const DuplicateCheck: React.FC<EditPropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string) => translateComponent(`DuplicateCheck.${key}`, resource.id)
  const error = record?.errors?.[property.path] as { duplicates?: Duplicate[] } | undefined
  const duplicates = error?.duplicates ?? []
  if (duplicates.length === 0) return null
  const checked = record?.params?.[property.path] === true || record?.params?.[property.path] === 'true'
  return (
    <FormGroup data-testid="duplicate-check">
      <MessageBox variant="warning" mb="default" message={t('title')}>
        <Box as="ul" mt="default">
          {duplicates.map((d) => (
            <Text as="li" key={d.id}>
              <Link
                href={h.recordActionUrl({
                  resourceId: resourceId('Client'),
                  recordId: String(d.id),
                  actionName: 'show',
                })}
                target="_blank"
              >
                {d.clientNumber} — {d.lastName} {d.firstName ?? ''}
              </Link>{' '}
              ({d.reasons.map((r) => t(`reasons.${r}`)).join(', ')})
            </Text>
          ))}
        </Box>
      </MessageBox>
      <CheckBox
        id="ignore-duplicates"
        checked={checked}
        onChange={() => onChange?.(property.path, !checked)}
      />
      <Label inline htmlFor="ignore-duplicates" ml="default">
        {t('saveAnyway')}
      </Label>
    </FormGroup>
  )
}

export default DuplicateCheck
