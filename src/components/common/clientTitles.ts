// The titles of the Client pages (list, record, drawers): plain functions, unit-tested in
// test/clientScreens.test.ts and test/prefixedTranslations.test.ts. AdminJS titles a page with
// its action's label only.

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
const titleKey = (actionName: string, recordId: string | number | undefined) =>
  `clientTitle-${actionName}-${recordId ?? 'resource'}`

/** i18next reads `{{…}}` and `$t(…)` in a value: a name is shown as typed, never interpreted. */
const literal = (text: string) => text.replace(/\{\{/g, '{\u200b{').replace(/\$t\(/g, '$\u200bt(')

type Translate = (key: string, resourceId: string, options?: Record<string, unknown>) => string

/** The page title and where it goes: under the resource's own id, prefixed or not (`CrmClient`). */
export interface ClientPageTitle {
  /** The action label the header is given instead of the action's own. */
  label: string
  /** The i18next key the title is stored under: AdminJS's header reads `resources.<id>.actions.<label>`. */
  path: string
  title: string
}

/**
 * The title of a Client page, or null where AdminJS's own is kept. `resourceId` is the Client
 * resource's id as AdminJS knows it: every key is built from it, never from the plain name.
 */
export function clientPageTitle(
  t: { translateAction: Translate; translateComponent: Translate },
  resourceId: string,
  action: { name: string; label: string },
  record?: { id?: string | number; params: Record<string, unknown> },
): ClientPageTitle | null {
  let title: string | null = null
  if (action.name === 'list') title = t.translateComponent('ClientTitles.list', resourceId)
  else if (record) {
    const parts = clientTitleParts(record.params)
    title =
      action.name === 'show'
        ? t.translateComponent('ClientTitles.record', resourceId, parts)
        : t.translateComponent('ClientTitles.action', resourceId, {
            ...parts,
            action: t.translateAction(action.label, resourceId),
          })
  }
  if (!title) return null
  const label = titleKey(action.name, record?.id)
  return { label, path: `resources.${resourceId}.actions.${label}`, title: literal(title) }
}

/**
 * Any other resource's list, titled by the resource's name in the panel's language, and its
 * record's page by the record's title (a contract's reference, an advisor's name and code).
 */
export function listPageTitle(
  resourceId: string,
  action: { name: string },
  name: string,
  record?: { id?: string | number; title?: string },
): ClientPageTitle | null {
  const title = action.name === 'list' ? name : action.name === 'show' ? record?.title : null
  if (!title) return null
  const label = titleKey(action.name, action.name === 'show' ? record?.id : undefined)
  return { label, path: `resources.${resourceId}.actions.${label}`, title: literal(title) }
}
