import React, { useEffect, useRef } from 'react'
import { Box, Button, Icon } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { findOpener, firstFieldIn, openBackdrop, takeOpener, trapTab } from './drawerFocus.js'
import { resourceId } from './resourceId.js'

/** How long the focus waits for the form to load, then for the page behind to show its opener. */
const WAIT_FRAMES = 180

/**
 * What AdminJS's drawers lack, around a drawer's content: a close button, Escape, a backdrop
 * whose click closes (instead of reaching the page behind), the focus kept inside while it is
 * open and given back to the control that opened it when it closes.
 */
const DrawerFrame: React.FC<{ title: string; onClose: () => void; children: React.ReactNode }> = ({
  title,
  onClose,
  children,
}) => {
  const { translateComponent } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  // The latest onClose, for the listeners registered once.
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const opener = takeOpener()
    const root = (ref.current?.closest('[data-css=drawer]') as HTMLElement | null) ?? ref.current
    closeRef.current?.focus()
    // The form loads after the drawer opens: its first field takes the focus, unless the admin moved it.
    let frames = 0
    let frame = window.requestAnimationFrame(function focusField() {
      const field = root && firstFieldIn(root)
      if (field && document.activeElement === closeRef.current) field.focus()
      else if (!field && (frames += 1) < WAIT_FRAMES) frame = window.requestAnimationFrame(focusField)
    })
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault()
        close.current()
      } else if (root) trapTab(root, event)
    }
    document.addEventListener('keydown', onKey)
    const removeBackdrop = openBackdrop(() => close.current())
    return () => {
      document.removeEventListener('keydown', onKey)
      removeBackdrop()
      window.cancelAnimationFrame(frame)
      if (!opener) return
      let tries = 0
      const giveBack = () => {
        // The page behind renders again, then its controls are made focusable: try until it takes.
        const target = findOpener(opener)
        target?.focus()
        if (document.activeElement !== target && (tries += 1) < WAIT_FRAMES) {
          window.requestAnimationFrame(giveBack)
        }
      }
      window.requestAnimationFrame(giveBack)
    }
  }, [])

  const label = translateComponent('PanelAccessibility.close', resourceId('Client'))
  return (
    <Box ref={ref} data-testid="drawer-frame" role="dialog" aria-modal="true" aria-label={title}>
      <Box flex justifyContent="flex-end" pt="lg" px="lg">
        <Button
          ref={closeRef}
          type="button"
          size="icon"
          variant="text"
          rounded
          aria-label={label}
          title={label}
          data-testid="drawer-close"
          onClick={() => close.current()}
        >
          <Icon icon="X" />
        </Button>
      </Box>
      {children}
    </Box>
  )
}

export default DrawerFrame
