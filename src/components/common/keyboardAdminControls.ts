// Keyboard access to AdminJS's mouse-only controls, given in the browser after each render:
// its menus open on hover (the client page's Statut/Compte/Contacter, a row's "…"), its menu
// buttons and Filtrer are links without href (Tab skips them), and its list rows open on click.
// Plain DOM code, no React.

const MENU = '.adminjs_DropDownMenu'
/** A container whose menu the keyboard opened (kept open until Escape or the focus leaves). */
const OPEN = 'data-keyboard-open'
/** Links without href that act as buttons: menu triggers, the row's "…", Filtrer. */
const BUTTON_LINKS =
  'a:not([href]):is([data-testid^="action-"], [data-testid="actions-dropdown"], [data-css$="-filter-button"])'
/** A list row that opens its record on click. */
const ROWS = 'tbody tr[data-id]'

const STYLE = `
[${OPEN}] > ${MENU} { display: inline-block !important; }
${ROWS}[tabindex]:focus-visible { outline: 2px solid #3040d6; outline-offset: -2px; }
`

export interface KeyboardNames {
  /** The name of a row's "…" button (it shows only an icon). */
  rowActions: string
}

/** The menu a trigger opens, if it is one (a sibling menu in the same container). */
const menuOf = (trigger: Element): Element | null =>
  trigger.parentElement?.querySelector(`:scope > ${MENU}`) ?? null

/** The links of a menu's own items (not those of the menus nested in them). */
const itemsOf = (menu: Element): HTMLElement[] =>
  Array.from(menu.querySelectorAll<HTMLElement>(':scope > * > a'))

/** Makes the controls under `root` reachable with Tab and named; installs the styles once. */
export function makeKeyboardReachable(root: ParentNode, names: KeyboardNames): void {
  const doc = (root as Node).ownerDocument ?? (root as Document)
  if (!doc.getElementById('adminjs-clients-keyboard')) {
    const style = doc.createElement('style')
    style.id = 'adminjs-clients-keyboard'
    style.textContent = STYLE
    doc.head.appendChild(style)
  }
  root.querySelectorAll(BUTTON_LINKS).forEach((link) => {
    if (link.hasAttribute('tabindex')) return
    link.setAttribute('tabindex', '0')
    link.setAttribute('role', 'button')
    if (menuOf(link)) {
      link.setAttribute('aria-haspopup', 'menu')
      link.setAttribute('aria-expanded', 'false')
    }
    if (link.getAttribute('data-testid') === 'actions-dropdown' && !link.textContent?.trim()) {
      link.setAttribute('aria-label', names.rowActions)
    }
  })
  root.querySelectorAll(ROWS).forEach((row) => {
    if (!row.hasAttribute('tabindex') && row.querySelector('td[data-property-name]')) {
      row.setAttribute('tabindex', '0')
    }
  })
}

function setOpen(trigger: Element, open: boolean): void {
  const container = trigger.parentElement
  if (!container) return
  if (open) container.setAttribute(OPEN, '')
  else container.removeAttribute(OPEN)
  trigger.setAttribute('aria-expanded', String(open))
}

/** Closes the keyboard-opened menus that do not hold `keep`. */
export function closeMenusOutside(doc: Document, keep: Node | null): void {
  doc.querySelectorAll(`[${OPEN}]`).forEach((container) => {
    if (keep && container.contains(keep)) return
    const trigger = container.querySelector(':scope > a, :scope > button')
    if (trigger) setOpen(trigger, false)
    else container.removeAttribute(OPEN)
  })
}

/**
 * Enter or Space on a menu button opens its menu (focus on its first item), the arrows move
 * between items, Escape closes the innermost menu (focus back on its button); Enter or Space on
 * another link-button clicks it, and on a row opens the row's record. Returns true when handled.
 */
export function handleKeyboard(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null
  if (!target || event.altKey || event.ctrlKey || event.metaKey) return false
  const activate = event.key === 'Enter' || event.key === ' '

  if (event.key === 'Escape') {
    const container = target.closest(`[${OPEN}]`)
    const trigger = container?.querySelector<HTMLElement>(':scope > a, :scope > button')
    if (!container || !trigger) return false
    setOpen(trigger, false)
    trigger.focus()
    return done(event)
  }

  if (target.matches(BUTTON_LINKS) && (activate || event.key === 'ArrowDown')) {
    const menu = menuOf(target)
    if (!menu) {
      if (!activate) return false
      target.click()
      return done(event)
    }
    setOpen(target, true)
    itemsOf(menu)[0]?.focus()
    return done(event)
  }

  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const menu = target.parentElement?.parentElement
    if (!menu?.matches(MENU)) return false
    const items = itemsOf(menu)
    const at = items.indexOf(target)
    const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]
    next?.focus()
    return done(event)
  }

  if (activate && target.matches(`${ROWS}[tabindex]`)) {
    target.querySelector<HTMLElement>('td[data-property-name]')?.click()
    return done(event)
  }
  return false
}

function done(event: KeyboardEvent): true {
  event.preventDefault()
  event.stopPropagation()
  return true
}
