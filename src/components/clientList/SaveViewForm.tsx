import React, { useState } from 'react'
import { Box, Button, CheckBox, Input, Label } from '@adminjs/design-system'
import { useTranslation, type ResourceJSON } from 'adminjs'
import { fieldsOf } from '../../shared/actionInputs/fields.js'
import { saveViewInput } from '../../shared/actionInputs/views.js'

// The name's longest length is the schema's (declared once, checked again on the server).
const NAME_LENGTH = fieldsOf(saveViewInput).find((f) => f.name === 'name')?.maxLength

/** "Save as a view": a name, shared or not, the columns to show (custom fields' too); the list's filters as they are. */
const SaveViewForm: React.FC<{
  resource: ResourceJSON
  shownColumns: string[]
  allColumns: string[]
  onSave: (fields: { name: string; shared: string; columns: string }) => Promise<boolean>
  onClose: () => void
}> = ({ resource, shownColumns, allColumns, onSave, onClose }) => {
  const { translateComponent, translateProperty } = useTranslation()
  const t = (key: string) => translateComponent(`SavedViews.${key}`, resource.id)
  const [name, setName] = useState('')
  const [shared, setShared] = useState(false)
  const [columns, setColumns] = useState<string[]>(shownColumns)
  const [busy, setBusy] = useState(false)
  const all = allColumns

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const ok = await onSave({ name, shared: String(shared), columns: columns.join(',') })
    setBusy(false)
    if (ok) onClose()
  }
  const toggle = (column: string) =>
    setColumns((c) =>
      c.includes(column) ? c.filter((x) => x !== column) : all.filter((x) => c.includes(x) || x === column),
    )

  return (
    <Box
      as="form"
      onSubmit={submit}
      onKeyDown={(e: React.KeyboardEvent) => e.key === 'Escape' && onClose()}
      variant="card"
      mb="lg"
      data-testid="save-view-form"
    >
      <Label htmlFor="save-view-name" required>
        {t('name')}
      </Label>
      <Input
        id="save-view-name"
        value={name}
        maxLength={NAME_LENGTH}
        required
        autoFocus
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)}
        width={1}
        mb="default"
      />
      <Box flex alignItems="center" mb="default">
        <CheckBox id="save-view-shared" checked={shared} onChange={() => setShared(!shared)} />
        <Label inline htmlFor="save-view-shared" ml="default">
          {t('shareWithEveryone')}
        </Label>
      </Box>
      <Box as="fieldset" mb="default" style={{ border: 0, padding: 0 }}>
        <Label as="legend">{t('columns')}</Label>
        <Box flex style={{ gap: 12, flexWrap: 'wrap' }}>
          {all.map((column) => (
            <Box key={column} flex alignItems="center">
              <CheckBox
                id={`save-view-column-${column}`}
                checked={columns.includes(column)}
                onChange={() => toggle(column)}
              />
              <Label inline htmlFor={`save-view-column-${column}`} ml="sm">
                {translateProperty(column, resource.id)}
              </Label>
            </Box>
          ))}
        </Box>
      </Box>
      <Box flex style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          disabled={busy || name.trim() === ''}
          data-testid="save-view-submit"
        >
          {t('submit')}
        </Button>
        <Button type="button" variant="text" onClick={onClose}>
          {t('cancel')}
        </Button>
      </Box>
    </Box>
  )
}

export default SaveViewForm
