import React from 'react'
import { isTagColour, TAG_COLOUR_HEX, type TagChip } from '../../shared/tags.js'

const CHIP: React.CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  borderRadius: 12,
  padding: '1px 8px',
  fontSize: 12,
  lineHeight: '18px',
  color: '#fff',
  whiteSpace: 'nowrap',
  maxWidth: '16ch',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
}

/** Chips of tags: a name on its colour (white text: every colour of the palette keeps it readable). */
const TagChips: React.FC<{
  chips: TagChip[]
  /** A label for the × of each chip, when it may be removed. */
  removeLabel?: (chip: TagChip) => string
  onRemove?: (chip: TagChip) => void
}> = ({ chips, removeLabel, onRemove }) => (
  <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-testid="tag-chips">
    {chips.map((chip) => (
      <span
        key={chip.id}
        title={chip.name}
        data-testid="tag-chip"
        style={{ ...CHIP, background: TAG_COLOUR_HEX[isTagColour(chip.colour) ? chip.colour : 'grey'] }}
      >
        {chip.name}
        {onRemove && (
          <button
            type="button"
            aria-label={removeLabel?.(chip)}
            onClick={() => onRemove(chip)}
            style={{ border: 0, background: 'transparent', color: '#fff', cursor: 'pointer', padding: 0 }}
          >
            ×
          </button>
        )}
      </span>
    ))}
  </span>
)

export default TagChips
