import React from 'react'
import type { BasePropertyProps } from 'adminjs'
import type { CustomFieldDefinition } from '../../shared/customFields.js'
import { formatCustomValue } from '../../shared/displayFormat.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import TagChips from '../tags/TagChips.js'

/**
 * A custom field's cell in the client list: the column's property carries the field's definition
 * (`custom.field`, components/clientList/customColumns.ts), the record its value (`cf__<key>`,
 * filled by the list with the page: no request per row). Formatted by shared/displayFormat.ts;
 * choices as chips of their colour. Text for React: escaped.
 */
const CustomFieldCell: React.FC<BasePropertyProps> = ({ record, property }) => {
  const format = usePanelFormat()
  const field = (property.custom as { field?: CustomFieldDefinition } | undefined)?.field
  const raw = record?.params?.[property.path]
  const shown = field ? formatCustomValue(field, raw, format.language, format.currency) : null
  if (!shown) return <span>—</span>
  if ('chips' in shown)
    return (
      <span data-testid={`${property.path}-cell`}>
        <TagChips chips={shown.chips.map((c, i) => ({ id: i, name: c.label, colour: c.colour }))} />
      </span>
    )
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={`${property.path}-cell`}>
      {shown.text}
    </span>
  )
}

export default CustomFieldCell
