import React, { useState } from 'react'
import { Box, Button, Input } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import type { ViewSummary } from '../../shared/savedViews.js'
import { rowsWord } from './rowsWord.js'

/** The actions on one view: rename, share or make private, delete (its owner or an admin), make it my default. */
const ViewMenu: React.FC<{
  view: ViewSummary
  resourceId: string
  isDefault: boolean
  change: (actionName: string, fields: Record<string, string>) => Promise<boolean>
  onClose: () => void
}> = ({ view, resourceId, isDefault, change, onClose }) => {
  const { translateComponent } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`SavedViews.${key}`, resourceId, options)
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(view.name)
  const id = String(view.id)
  const run = async (actionName: string, fields: Record<string, string>) => {
    if (await change(actionName, fields)) onClose()
  }

  return (
    <Box
      role="group"
      aria-label={t('manage', { name: view.name })}
      onKeyDown={(e: React.KeyboardEvent) => e.key === 'Escape' && onClose()}
      variant="card"
      p="default"
      flex
      style={{ gap: 8, flexWrap: 'wrap' }}
      data-testid={`view-menu-${view.id}`}
    >
      {renaming ? (
        <Box
          as="form"
          flex
          style={{ gap: 8 }}
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault()
            void run('renameView', { view: id, name })
          }}
        >
          <Input
            value={name}
            autoFocus
            aria-label={t('name')}
            maxLength={80}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)}
          />
          <Button type="submit" size="sm" variant="contained">
            {t('renameSubmit')}
          </Button>
        </Box>
      ) : null}
      {view.editable && !renaming ? (
        <Button type="button" size="sm" autoFocus onClick={() => setRenaming(true)}>
          {t('rename')}
        </Button>
      ) : null}
      {view.editable ? (
        <Button
          type="button"
          size="sm"
          onClick={() => void run('shareView', { view: id, shared: String(!view.shared) })}
          data-testid="view-share"
        >
          {view.shared ? t('unshare') : t('share')}
        </Button>
      ) : null}
      <Button
        type="button"
        size="sm"
        autoFocus={!view.editable}
        onClick={() => void run('defaultView', { view: isDefault ? '' : id })}
        data-testid="view-default"
      >
        {isDefault ? t(`clearDefault${rowsWord(resourceId)}`) : t('makeDefault')}
      </Button>
      {view.editable ? (
        <Button
          type="button"
          size="sm"
          variant="danger"
          onClick={() => {
            if (window.confirm(t('confirmRemove', { name: view.name }))) void run('deleteView', { view: id })
          }}
          data-testid="view-delete"
        >
          {t('remove')}
        </Button>
      ) : null}
      <Button type="button" size="sm" variant="text" onClick={onClose}>
        {t('cancel')}
      </Button>
    </Box>
  )
}

export default ViewMenu
