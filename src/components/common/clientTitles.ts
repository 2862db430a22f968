// The titles of the Client pages (list, record, drawers): plain functions, unit-tested in
// test/clientScreens.test.ts. AdminJS titles a page with its action's label only.

/** A client as a title names it: `Dupont Jean (C5576349)`. */
export function clientTitleParts(params: Record<string, unknown>): { name: string; number: string } {
  return {
    name: [params.lastName, params.firstName]
      .filter((p) => p !== null && p !== undefined && p !== '')
      .join(' '),
    number: String(params.clientNumber ?? ''),
  }
}

/**
 * The translation key the header looks its title up under, one per page: AdminJS's header
 * translates its action's label, so the page's title is added under a key of its own.
 */
export const titleKey = (actionName: string, recordId: string | number | undefined) =>
  `clientTitle-${actionName}-${recordId ?? 'resource'}`

/** i18next reads `{{…}}` and `$t(…)` in a value: a name is shown as typed, never interpreted. */
export const literal = (text: string) => text.replace(/\{\{/g, '{\u200b{').replace(/\$t\(/g, '$\u200bt(')
