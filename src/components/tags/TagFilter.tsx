import React, { useEffect, useState } from 'react'
import { FormGroup, Label } from '@adminjs/design-system'
import { ApiClient, useTranslation, type BasePropertyProps } from 'adminjs'
import { isTagColour, type TagChip } from '../../shared/tags.js'
import { resourceId } from '../common/resourceId.js'
import TagChips from './TagChips.js'

const api = new ApiClient()

/**
 * The client list's tags filter: a box per tag (the Tag list, by name); the filter's value is the
 * ids ticked, comma-separated (`filters.tags`), matched by `filters.tagMode` (any, all, none).
 */
const TagFilter: React.FC<BasePropertyProps> = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation()
  const [tags, setTags] = useState<TagChip[]>([])
  useEffect(() => {
    let live = true
    api
      .resourceAction({
        resourceId: resourceId('Tag'),
        actionName: 'list',
        params: { perPage: 500, sortBy: 'name', direction: 'asc' },
      })
      .then((res) => {
        const records = (res.data as { records?: { id: string; params: Record<string, unknown> }[] }).records
        if (!live) return
        setTags(
          (records ?? []).map((r) => ({
            id: Number(r.id),
            name: String(r.params.name ?? ''),
            colour: isTagColour(r.params.colour) ? r.params.colour : 'grey',
          })),
        )
      })
      .catch(() => live && setTags([]))
    return () => {
      live = false
    }
  }, [])
  const chosen = new Set(
    String((filter as Record<string, unknown> | undefined)?.[property.path] ?? '')
      .split(',')
      .filter(Boolean),
  )
  const toggle = (id: number) => {
    const next = new Set(chosen)
    if (next.has(String(id))) next.delete(String(id))
    else next.add(String(id))
    onChange?.(property.path, [...next].join(','))
  }
  return (
    <FormGroup>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {tags.map((tag) => (
        <label key={tag.id} style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 4 }}>
          <input type="checkbox" checked={chosen.has(String(tag.id))} onChange={() => toggle(tag.id)} />
          <TagChips chips={[tag]} />
        </label>
      ))}
    </FormGroup>
  )
}

export default TagFilter
