// Focus inside a drawer: what can take it, the trap that keeps Tab inside, and the control that
// opened it (so that closing returns there). Plain DOM code, no React.

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ')

const FIELD = 'input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])'

const visible = (el: HTMLElement) => el.getClientRects().length > 0

/** The elements under `root` that Tab visits, in order. */
function focusablesIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(visible)
}

/** The first form field under `root` (where typing should start), if any. */
export function firstFieldIn(root: ParentNode): HTMLElement | null {
  return Array.from(root.querySelectorAll<HTMLElement>(FIELD)).find(visible) ?? null
}

/**
 * Keeps Tab and Shift+Tab inside `root`: from the last control to the first and back, and from
 * anywhere outside to the first (or last). Returns true when it moved the focus itself.
 */
export function trapTab(root: HTMLElement, event: KeyboardEvent): boolean {
  if (event.key !== 'Tab') return false
  const items = focusablesIn(root)
  if (items.length === 0) return false
  const first = items[0]
  const last = items[items.length - 1]
  const active = document.activeElement as HTMLElement | null
  const inside = Boolean(active && root.contains(active))
  const target = !inside
    ? event.shiftKey
      ? last
      : first
    : event.shiftKey
      ? active === first
        ? last
        : null
      : active === last
        ? first
        : null
  if (!target) return false
  event.preventDefault()
  target.focus()
  return true
}

/** Where a drawer was opened from: a header menu (by its test id) or a list row's "…" menu. */
export interface DrawerOpener {
  testId: string
  rowId: string | null
}

let lastOpener: DrawerOpener | null = null

/** Remembers the control a click or a key press activated (the drawer opens on the next render). */
export function rememberOpener(target: EventTarget | null): void {
  const el = target instanceof Element ? target.closest('[data-testid]') : null
  if (!el) return
  // A menu's item closes with its menu: the focus goes back to the menu's own button.
  const menu = el.closest('.adminjs_DropDownMenu')?.parentElement
  const trigger = menu?.querySelector(':scope > [data-testid]') ?? el
  const row = el.closest('tr[data-id]')
  lastOpener = {
    testId: row ? 'actions-dropdown' : (trigger.getAttribute('data-testid') ?? ''),
    rowId: row?.getAttribute('data-id') ?? null,
  }
}

/** The opener remembered last, forgotten once read. */
export function takeOpener(): DrawerOpener | null {
  const opener = lastOpener
  lastOpener = null
  return opener
}

/** The element to focus again for an opener, once the page behind the drawer shows it. */
export function findOpener(opener: DrawerOpener): HTMLElement | null {
  const scope = opener.rowId ? document.querySelector(`tr[data-id="${CSS.escape(opener.rowId)}"]`) : document
  return scope?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(opener.testId)}"]`) ?? null
}

/**
 * A veil over the page behind a drawer (just under AdminJS's drawer, z-index 100): a click on it
 * closes the drawer instead of reaching the page. Returns its removal.
 */
export function openBackdrop(onClick: () => void): () => void {
  const veil = document.createElement('div')
  veil.setAttribute('data-testid', 'drawer-backdrop')
  veil.setAttribute('aria-hidden', 'true')
  Object.assign(veil.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '99',
    background: 'rgba(12, 30, 41, 0.3)',
  })
  veil.addEventListener('click', onClick)
  document.body.appendChild(veil)
  return () => veil.remove()
}
