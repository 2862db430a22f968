// The panel at phone width (issue 31, point 3): AdminJS hides every list column but the title
// below 769 px and lets the header's breadcrumb run under its buttons. Below that width, a list
// row becomes a card (checkbox, status mark and title on its first line, each other value on a
// line of its own with its column's name), the client page's tables stack their rows, the
// header and the bulk bar wrap, and nothing is wider than the screen. Plain CSS, one sheet for
// the whole panel (rendered once by PanelAccessibility.tsx); cells are named by
// labelTableCells below. A table of ours stacks its rows when it carries `stackedRows` (the
// client page's tabs, the dashboard's latest actions).

/** Where the panel turns to its phone layout (AdminJS's own breakpoint for its tables). */
export const NARROW_MAX_WIDTH = 768

const LIST_ROW = 'table[data-css$="-table"] > tbody > tr'
/** The attribute that makes one of our tables stack its rows at phone width. */
const STACKED_ROWS_ATTRIBUTE = 'data-stacked-rows'
const STACKED = `table[${STACKED_ROWS_ATTRIBUTE}]`

/** Spread on a design-system `<Table>` whose rows stack at phone width, each cell under its column's name. */
export const stackedRows: Record<typeof STACKED_ROWS_ATTRIBUTE, string> = { [STACKED_ROWS_ATTRIBUTE]: '' }

export const NARROW_SCREEN_CSS = `
@media (max-width: ${NARROW_MAX_WIDTH}px) {
  .adminjs_ActionHeader > :first-child { flex-wrap: wrap; row-gap: 8px; }
  .adminjs_ActionHeader > :first-child > :first-child { flex-basis: 100%; }
  :has(> .adminjs_ButtonGroupItem) { flex-wrap: wrap; row-gap: 4px; }
  table caption > * { flex-wrap: wrap; row-gap: 4px; }
  table[data-css$="-table"], table[data-css$="-table"] > tbody { display: block; width: 100%; }
  table[data-css$="-table"] > thead > tr { display: flex; align-items: center; }
  table[data-css$="-table"] > thead > tr > :not(:first-child) { display: none !important; }
  ${LIST_ROW} {
    display: grid; grid-template-columns: auto auto minmax(0, 1fr) auto; align-items: center;
    padding: 8px 0; border-bottom: 1px solid #E5E7EB;
  }
  ${LIST_ROW} > td {
    display: block !important; grid-column: 3; border: none; height: auto;
    padding: 2px 8px; min-width: 0; overflow-wrap: anywhere;
  }
  ${LIST_ROW} > td:first-child { grid-column: 1; grid-row: 1; }
  ${LIST_ROW} > td.options { grid-column: 4; grid-row: 1; }
  ${LIST_ROW} > td[data-property-name="status"]:nth-child(2) { grid-column: 2; grid-row: 1; }
  ${LIST_ROW} > td[data-css$="Client-lastName-table-cell"] { grid-row: 1; font-weight: 600; }
  ${LIST_ROW} > td[data-label]:not(:first-child):not(.options), ${STACKED} > tbody > tr > td[data-label] {
    display: flex !important; flex-wrap: wrap; align-items: baseline; column-gap: 6px;
  }
  ${LIST_ROW} > td[data-label]:not(:first-child):not(.options)::before,
  ${STACKED} td[data-label]::before {
    content: attr(data-label); font-size: 11px; color: #4D5363;
  }
  ${LIST_ROW} > td[data-css$="Client-lastName-table-cell"]::before,
  ${LIST_ROW} > td[data-property-name="status"]:nth-child(2)::before { content: none !important; }
  ${STACKED}, ${STACKED} > tbody, ${STACKED} > tbody > tr, ${STACKED} > tbody > tr > td { display: block; width: 100%; }
  ${STACKED} > thead { display: none; }
  ${STACKED} > tbody > tr { padding: 8px 0; border-bottom: 1px solid #E5E7EB; height: auto; }
  ${STACKED} > tbody > tr > td { border: none; padding: 2px 8px; height: auto; overflow-wrap: anywhere; }
  [data-testid="client-tabs"], [role="tablist"] { flex-wrap: wrap; }
  section, main { max-width: 100vw; }
}
`

/**
 * Names each cell of AdminJS's list tables and of our stacked tables by its column's header
 * (`data-label`), for the phone layout's cards and stacked rows. Headers without text (the
 * checkbox, the actions) name nothing.
 */
export function labelTableCells(root: ParentNode): void {
  root.querySelectorAll(`table[data-css$="-table"], ${STACKED}`).forEach((table) => {
    const headers = Array.from(table.querySelectorAll(':scope > thead > tr > *')).map(
      (th) => th.textContent?.trim() ?? '',
    )
    table.querySelectorAll(':scope > tbody > tr').forEach((row) => {
      Array.from(row.children).forEach((cell, i) => {
        const label = headers[i]
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label)
      })
    })
  })
}
