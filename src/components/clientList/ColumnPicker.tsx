import React, { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Box, Button, CheckBox, Icon, Label } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'

/**
 * "Columns": the list's columns to show, its own and the custom fields' (`cf__<key>`), a box
 * each; the choice is the URL's `columns` (what a saved view keeps). At least one stays.
 */
const ColumnPicker: React.FC<{ resourceId: string; all: string[]; shown: string[] }> = ({
  resourceId,
  all,
  shown,
}) => {
  const { translateComponent, translateProperty } = useTranslation()
  const t = (key: string) => translateComponent(`SavedViews.${key}`, resourceId)
  const location = useLocation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const toggle = (column: string) => {
    const next = shown.includes(column)
      ? shown.filter((c) => c !== column)
      : all.filter((c) => shown.includes(c) || c === column)
    if (next.length === 0) return
    const search = new URLSearchParams(location.search)
    search.set('columns', next.join(','))
    navigate({ pathname: location.pathname, search: `?${search.toString()}` })
  }
  return (
    <Box mb="lg" data-testid="column-picker">
      <Button
        type="button"
        size="sm"
        variant="outlined"
        aria-expanded={open}
        aria-controls="column-picker-boxes"
        onClick={() => setOpen(!open)}
        data-testid="pick-columns"
      >
        <Icon icon="Columns" />
        {t('pickColumns')}
      </Button>
      {open ? (
        <Box
          as="fieldset"
          id="column-picker-boxes"
          mt="default"
          flex
          style={{ gap: 12, flexWrap: 'wrap', border: 0, padding: 0 }}
        >
          <legend style={{ position: 'absolute', left: -10000 }}>{t('columns')}</legend>
          {all.map((column) => (
            <Box key={column} flex alignItems="center">
              <CheckBox
                id={`column-${column}`}
                checked={shown.includes(column)}
                onChange={() => toggle(column)}
              />
              <Label inline htmlFor={`column-${column}`} ml="sm">
                {translateProperty(column, resourceId)}
              </Label>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  )
}

export default ColumnPicker
