import React, { useId, useState } from 'react'

/**
 * A status mark or badge that shows its reason (a suspension's, a ban's) in a tooltip of the
 * panel's own: on hover, on keyboard focus and on a tap, since a phone shows no `title`. A tap
 * on it never opens the row it sits in; Escape and leaving it close the tip.
 */
export const ReasonTip: React.FC<{ text?: string | null; children: React.ReactNode }> = ({
  text,
  children,
}) => {
  const [open, setOpen] = useState(false)
  const id = useId()
  if (!text) return <>{children}</>
  return (
    <span
      style={{ position: 'relative', display: 'inline-flex', verticalAlign: 'middle' }}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        aria-describedby={open ? id : undefined}
        aria-expanded={open}
        data-testid="reason-tip-toggle"
        onClick={(event) => {
          event.preventDefault()
          event.stopPropagation()
          // A tap opens it (a touch screen sends a hover first too); a tap elsewhere closes it.
          setOpen(true)
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return
          event.stopPropagation()
          setOpen(false)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        style={{
          background: 'none',
          border: 0,
          padding: 4,
          margin: -4,
          cursor: 'help',
          display: 'inline-flex',
          font: 'inherit',
        }}
      >
        {children}
      </button>
      {open ? (
        <span
          role="tooltip"
          id={id}
          data-testid="reason-tip"
          style={{
            position: 'absolute',
            top: '100%',
            left: 0,
            zIndex: 30,
            marginTop: 6,
            background: '#1C1C38',
            color: '#FFFFFF',
            padding: '6px 8px',
            borderRadius: 4,
            fontSize: 12,
            lineHeight: 1.4,
            width: 'max-content',
            maxWidth: 240,
            whiteSpace: 'normal',
            fontWeight: 'normal',
          }}
        >
          {text}
        </span>
      ) : null}
    </span>
  )
}
