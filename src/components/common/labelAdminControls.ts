// Names for the controls AdminJS's own screens leave unnamed (axe: button-name, label,
// label-title-only), given in the browser after each render. Plain DOM code, no React.

export interface ControlNames {
  firstPage: string
  previousPage: string
  nextPage: string
  lastPage: string
  selectAll: string
  selectRow: string
  close: string
  /** react-select's own English: its placeholder, its empty menu, its loading menu. */
  choose: string
  noOptions: string
  loading: string
}

const PAGER: Record<string, keyof ControlNames> = {
  first: 'firstPage',
  previous: 'previousPage',
  next: 'nextPage',
  last: 'lastPage',
}

const named = (el: Element) =>
  el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || Boolean(el.textContent?.trim())

/** Gives a name to every unnamed pager button, row checkbox and select input under `root`. */
export function labelAdminControls(root: ParentNode, names: ControlNames): void {
  for (const [testId, key] of Object.entries(PAGER)) {
    root.querySelectorAll(`button[data-testid="${testId}"]`).forEach((button) => {
      if (!named(button)) button.setAttribute('aria-label', names[key])
    })
  }
  root.querySelectorAll('input[type="checkbox"]').forEach((box) => {
    if (box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby') || box.id) return
    const row = box.closest('tr')
    if (!row) return
    // A row names itself by its title cell (AdminJS links it); the header row selects them all.
    const title = row.querySelector('a')?.textContent?.trim()
    box.setAttribute(
      'aria-label',
      row.closest('thead') ? names.selectAll : title ? `${names.selectRow} ${title}` : names.selectRow,
    )
  })
  // Fields of AdminJS's property components (the filters) whose label is not tied to them.
  root.querySelectorAll('[data-testid^="property-"] :is(input, textarea, select)').forEach((field) => {
    if (labelled(field) || (field as HTMLInputElement).type === 'hidden') return
    const main = field.closest('[data-testid^="property-"]')?.querySelector('label')?.textContent?.trim()
    // A date range's two inputs follow "- From:" and "- To:" labels.
    const part = field.closest('.adminjs_DatePicker')?.previousElementSibling
    const partText = part?.tagName === 'LABEL' ? part.textContent?.replace(/^[\s-]+|[\s:]+$/g, '') : ''
    const text = [main, partText].filter(Boolean).join(' ') || field.getAttribute('title')
    if (text) field.setAttribute('aria-label', text)
  })
  // Icon-only buttons: the only one AdminJS leaves unnamed is the drawers' close cross (two lines).
  root.querySelectorAll('button').forEach((button) => {
    if (named(button)) return
    const shapes = button.querySelectorAll('svg > *')
    if (shapes.length === 2 && Array.from(shapes).every((s) => s.tagName.toLowerCase() === 'line')) {
      button.setAttribute('aria-label', names.close)
    }
  })
}

/** react-select's English texts (AdminJS passes it no placeholder nor messages), by their text. */
const SELECT_TEXTS: Record<string, keyof ControlNames> = {
  'Select...': 'choose',
  'No options': 'noOptions',
  'Loading...': 'loading',
}

/** Puts the panel's language in place of react-select's English under `root`. */
export function translateSelectTexts(root: ParentNode, names: ControlNames): void {
  root
    .querySelectorAll('[id^="react-select-"][id$="-placeholder"], [class*="-menu"] [class*="notice"]')
    .forEach((el) => {
      const key = SELECT_TEXTS[el.textContent?.trim() ?? '']
      if (key && el.childElementCount === 0) el.textContent = names[key]
    })
}

/** A field with a name: aria, a wrapping label, or a label pointing at its id. */
function labelled(field: Element): boolean {
  if (field.hasAttribute('aria-label') || field.hasAttribute('aria-labelledby') || field.closest('label'))
    return true
  return Boolean(field.id && field.ownerDocument.querySelector(`label[for="${CSS.escape(field.id)}"]`))
}
