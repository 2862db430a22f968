import React, { useEffect } from 'react'
import { useTranslation } from 'adminjs'
import { labelAdminControls, translateSelectTexts, type ControlNames } from './labelAdminControls.js'
import { resourceId } from './resourceId.js'
import { rememberOpener } from './drawerFocus.js'
import { closeMenusOutside, handleKeyboard, makeKeyboardReachable } from './keyboardAdminControls.js'
import { NARROW_SCREEN_CSS, labelTableCells } from './narrowScreen.js'

type Props = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> }

const KEYS: (keyof ControlNames)[] = [
  'firstPage',
  'previousPage',
  'nextPage',
  'lastPage',
  'selectAll',
  'selectRow',
  'close',
  'choose',
  'noOptions',
  'loading',
]

/**
 * AdminJS's "logged in" box (overridden once for the panel, shown on every page), which also
 * names the controls AdminJS leaves unnamed anywhere on the page (pager buttons, row
 * checkboxes, the filters' selects) as they appear, and carries the phone layout's stylesheet.
 */
const PanelAccessibility: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { translateComponent, i18n } = useTranslation()
  const language = i18n.language
  useEffect(() => {
    // The control that opens a drawer, so that closing it gives the focus back there.
    const remember = (event: Event) => rememberOpener(event.target)
    const rememberKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') rememberOpener(event.target)
    }
    // AdminJS's menus, menu buttons and rows by keyboard (keyboardAdminControls.ts).
    const onKey = (event: KeyboardEvent) => {
      handleKeyboard(event)
    }
    const onFocus = (event: FocusEvent) => closeMenusOutside(document, event.target as Node | null)
    document.addEventListener('click', remember, true)
    document.addEventListener('keydown', rememberKey, true)
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('focusin', onFocus)
    return () => {
      document.removeEventListener('click', remember, true)
      document.removeEventListener('keydown', rememberKey, true)
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('focusin', onFocus)
    }
  }, [])
  useEffect(() => {
    const names = Object.fromEntries(
      KEYS.map((key) => [key, translateComponent(`PanelAccessibility.${key}`, resourceId('Client'))]),
    ) as unknown as ControlNames
    const rowActionsName = translateComponent('PanelAccessibility.rowActions', resourceId('Client'))
    let pending = 0
    const run = () => {
      pending = 0
      labelAdminControls(document.body, names)
      translateSelectTexts(document.body, names)
      makeKeyboardReachable(document.body, { rowActions: rowActionsName })
      labelTableCells(document.body)
    }
    run()
    const observer = new MutationObserver(() => {
      if (!pending) pending = window.requestAnimationFrame(run)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      if (pending) window.cancelAnimationFrame(pending)
    }
    // The names change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language])
  return (
    <>
      {/* The phone layout of every page (narrowScreen.ts). */}
      <style>{NARROW_SCREEN_CSS}</style>
      {OriginalComponent ? <OriginalComponent {...props} /> : null}
    </>
  )
}

export default PanelAccessibility
