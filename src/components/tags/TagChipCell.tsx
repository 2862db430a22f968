import React from 'react'
import { flat, type BasePropertyProps } from 'adminjs'
import type { TagChip } from '../../shared/tags.js'
import TagChips from './TagChips.js'

/** A client's tags in the list (`tags`, filled by the list in one query), or a tag's own chip (Tag `name`). */
const TagChipCell: React.FC<BasePropertyProps> = ({ record, property }) => {
  const params = record?.params ?? {}
  if (property.path === 'name') {
    const chip = { id: Number(record?.id), name: String(params.name ?? ''), colour: params.colour } as TagChip
    return <TagChips chips={[chip]} />
  }
  const chips = (flat.get(params, 'tags') ?? []) as TagChip[]
  if (!Array.isArray(chips) || chips.length === 0) return <span>—</span>
  return <TagChips chips={chips} />
}

export default TagChipCell
