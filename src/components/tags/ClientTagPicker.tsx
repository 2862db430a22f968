import React, { useCallback, useEffect, useState } from 'react'
import { Box, Button, Input, Label } from '@adminjs/design-system'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import { MAX_TAG_NAME_LENGTH, type TagChip } from '../../shared/tags.js'
import { resourceId } from '../common/resourceId.js'
import TagChips from './TagChips.js'

const api = new ApiClient()

/**
 * The client's tags on its page: chips, and for whoever may change them a × on each and a field
 * to add one (an existing name from the list, or a new one: created on the fly).
 */
const ClientTagPicker: React.FC<{ recordId: string; canChange: boolean }> = ({ recordId, canChange }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientTagPicker.${key}`, resourceId('Client'), options)
  const addNotice = useNotice()
  const [chips, setChips] = useState<TagChip[]>([])
  const [available, setAvailable] = useState<TagChip[]>([])
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    api
      .recordAction({ resourceId: resourceId('Client'), recordId, actionName: 'clientTags' })
      .then((res) => {
        const data = res.data as { tags?: TagChip[]; available?: TagChip[] }
        setChips(data.tags ?? [])
        setAvailable(data.available ?? [])
      })
      .catch(() => setChips([]))
  }, [recordId])
  useEffect(load, [load])

  const change = async (actionName: 'addTags' | 'removeTags', names: string) => {
    setBusy(true)
    const data = new FormData()
    data.append('tags', names)
    try {
      const res = await api.recordAction({ resourceId: resourceId('Client'), recordId, actionName, data })
      const fieldError = (res.data.record?.errors?.tags as { message?: string } | undefined)?.message
      const notice = res.data.notice
      if (fieldError)
        addNotice({ message: translateMessage(fieldError, resourceId('Client')), type: 'error' })
      else if (notice)
        addNotice({
          message: translateMessage(notice.message, resourceId('Client'), notice.options),
          type: notice.type,
        })
      if (!fieldError && notice?.type !== 'error') setName('')
      load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Box data-testid="client-tags" mb="lg">
      <Box flex alignItems="center" style={{ gap: 8, flexWrap: 'wrap' }}>
        {chips.length === 0 ? <span>{t('none')}</span> : null}
        <TagChips
          chips={chips}
          removeLabel={(chip) => t('remove', { name: chip.name })}
          onRemove={canChange ? (chip) => void change('removeTags', chip.name) : undefined}
        />
      </Box>
      {canChange && (
        <Box
          as="form"
          flex
          alignItems="center"
          mt="default"
          style={{ gap: 8 }}
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault()
            if (name.trim()) void change('addTags', name)
          }}
        >
          <Label htmlFor="client-tag-name" mb="0">
            {t('add')}
          </Label>
          <Input
            id="client-tag-name"
            list="client-tag-names"
            value={name}
            maxLength={MAX_TAG_NAME_LENGTH}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
          />
          <datalist id="client-tag-names">
            {available
              .filter((tag) => !chips.some((c) => c.id === tag.id))
              .map((tag) => (
                <option key={tag.id} value={tag.name} />
              ))}
          </datalist>
          <Button size="sm" type="submit" disabled={busy || name.trim() === ''}>
            {t('addButton')}
          </Button>
        </Box>
      )}
    </Box>
  )
}

export default ClientTagPicker
