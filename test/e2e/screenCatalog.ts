// Every screen of the panel, enumerated at test time from the resources' own configuration (the
// actions AdminJS sends the browser, window.REDUX_STATE) rather than from a hand list: a new action
// with a screen is walked as soon as it exists, and one that no seeded record offers fails the walk
// unless NOT_OPENED below says why (issue 31, "the browser suite walks every screen").
import type { Page } from 'playwright-core'
import type { WalkScreen } from './screenWalk.js'

/**
 * The screens that cannot be opened in the walk's seed, each with its reason. The walk asserts that
 * the screens it could not open are exactly these: the list cannot grow silently.
 */
export const NOT_OPENED: Record<string, string> = {
  'Advisor.bulkDelete': 'advisors are never deleted (their clients, contracts and commissions name them)',
  'SecuritySettings.securitySettings':
    'the settings page’s own read and save; the page is SecuritySettings.list',
  'ClientEvent.new': 'the history is written by the services only: no admin may create an entry',
  'ClientEvent.edit': 'the history is never edited',
  'ClientEvent.bulkDelete': 'the history is never deleted from the panel',
  'EmailLog.new': 'the email log is written by the outbox only',
  'EmailLog.edit': 'the email log is never edited',
  'EmailLog.bulkDelete': 'the email log is never deleted from the panel',
  'ClientNote.new': 'a note is added from its client (Client.addNote)',
  'ClientNote.edit': 'a note is never edited (it is part of the client’s history)',
  'ClientNote.bulkDelete': 'notes are never deleted from the panel',
  'ImportBatch.new': 'an import starts from the import page (Commission.importCommissions)',
  'ImportBatch.edit': 'an import is never edited',
  'ImportBatch.bulkDelete': 'an import is undone (undoImport), never deleted',
  'AdminAuditEntry.new': 'the audit log is written by the services only',
  'AdminAuditEntry.edit': 'the audit log is never edited',
  'AdminAuditEntry.bulkDelete': 'the audit log is never deleted from the panel',
  'SecuritySettings.new': 'one row of settings, edited on its own page (securitySettings)',
  'SecuritySettings.show': 'one row of settings, shown on its own page (securitySettings)',
  'SecuritySettings.edit': 'one row of settings, edited on its own page (securitySettings)',
  'SecuritySettings.bulkDelete': 'the settings are never deleted',
  'EmailTemplate.new': 'the templates are the plugin’s own, edited on the templates page',
  'EmailTemplate.show': 'a template opens in the templates page',
  'EmailTemplate.edit': 'a template is edited in the templates page',
  'EmailTemplate.bulkDelete': 'a template is reset, never deleted',
  'Invoice.new': 'invoices are the host’s, read-only in the panel',
  'Invoice.edit': 'invoices are the host’s, read-only in the panel',
  'Invoice.bulkDelete': 'invoices are the host’s, read-only in the panel',
  'Ticket.new': 'tickets are the host’s, read-only in the panel',
  'Ticket.edit': 'tickets are the host’s, read-only in the panel',
  'Ticket.bulkDelete': 'tickets are the host’s, read-only in the panel',
  'Tag.bulkDelete': 'disabled in its resource: a tag is deleted one at a time',
  'CustomField.bulkDelete': 'disabled in its resource: a field is removed one at a time',
  'Campaign.new': 'a campaign is written in its editor (newCampaign)',
  'Campaign.edit': 'a campaign is written in its editor (editCampaign)',
  'Campaign.bulkDelete': 'a campaign is cancelled, never deleted in bulk',
}

/** AdminJS's own actions that draw a screen without naming a component. */
const BUILT_IN_SCREENS = ['list', 'show', 'new', 'edit', 'bulkDelete']

/** The layouts that change on a phone: walked at 390 px too (in French). Drawers are full width there. */
const PHONE_LAYOUTS = ['list', 'show', 'new', 'edit']

interface ActionInfo {
  name: string
  actionType: 'resource' | 'record' | 'bulk'
  component?: string | false | null
  showInDrawer?: boolean
}
interface ResourceInfo {
  id: string
  actions: ActionInfo[]
  resourceActions: { name: string }[]
}

export interface Catalog {
  screens: WalkScreen[]
  /** `Resource.action` of each screen no seeded record offered. */
  notOpened: string[]
}

/** Whether an action draws a screen (others are called by a button or a page: no screen of their own). */
const isScreen = (a: ActionInfo) =>
  typeof a.component === 'string' || (a.component === undefined && BUILT_IN_SCREENS.includes(a.name))

/**
 * Reads the panel's resources and their actions from the page, then for each record or bulk
 * action finds, through the panel's API, records that offer it (the buttons AdminJS would show):
 * the `candidates` first (records the seed made for a screen: a deleted client…), then the first
 * `perResource` of the list.
 */
export async function panelCatalog(
  page: Page,
  candidates: Record<string, string[]> = {},
  perResource = 60,
): Promise<Catalog> {
  const resources = await page.evaluate(
    () => (window as unknown as { REDUX_STATE: { resources: ResourceInfo[] } }).REDUX_STATE.resources,
  )
  const screens: WalkScreen[] = []
  const notOpened: string[] = []
  for (const resource of resources) {
    const wanted = resource.actions.filter(isScreen)
    const offered = new Set(resource.resourceActions.map((a) => a.name))
    const records = new Map<string, string[]>()
    const needRecords = wanted.filter((a) => a.actionType !== 'resource')
    if (needRecords.length) {
      // Every record action the resource has, with the records that offer it (two for a bulk one).
      const found = await page.evaluate(
        async ({ id, perResource, names, first }) => {
          // (No named function in here: the test runner's transform would name it with a helper the page lacks.)
          const list = await (
            await fetch(`/admin/api/resources/${id}/actions/list?perPage=${perResource}`)
          ).json()
          const ids = [...first, ...((list.records ?? []) as { id: string }[]).map((r) => String(r.id))]
          const out: Record<string, string[]> = {}
          const open = new Set(names)
          // Six records at a time, until every action has its records.
          for (let i = 0; i < ids.length && open.size; i += 6) {
            const shown = await Promise.all(
              ids
                .slice(i, i + 6)
                .map(async (recordId) =>
                  (await fetch(`/admin/api/resources/${id}/records/${recordId}/show`)).json(),
                ),
            )
            for (const { record } of shown) {
              if (!record) continue
              // A record's page names its bulk actions (actions/core/leanRecords.ts: pageRecord).
              const bulk: string[] =
                record.bulkActionNames ?? record.bulkActions.map((a: { name: string }) => a.name)
              for (const name of [
                ...record.recordActions.map((a: { name: string }) => a.name),
                ...bulk,
              ] as string[]) {
                if (!open.has(name) || out[name]?.includes(String(record.id))) continue
                out[name] = [...(out[name] ?? []), String(record.id)]
                if (out[name].length >= 2) open.delete(name)
              }
            }
          }
          return out
        },
        {
          id: resource.id,
          perResource,
          names: needRecords.map((a) => a.name),
          first: candidates[resource.id] ?? [],
        },
      )
      for (const [name, ids] of Object.entries(found)) records.set(name, ids)
    }
    for (const action of wanted) {
      const key = `${resource.id}.${action.name}`
      const ids = records.get(action.name) ?? []
      const path =
        action.actionType === 'resource'
          ? offered.has(action.name)
            ? `/resources/${resource.id}${action.name === 'list' ? '' : `/actions/${action.name}`}`
            : null
          : action.actionType === 'record'
            ? ids.length
              ? `/resources/${resource.id}/records/${ids[0]}/${action.name}`
              : null
            : ids.length >= 2
              ? `/resources/${resource.id}/bulk/${action.name}?recordIds=${ids.slice(0, 2).join(',')}`
              : null
      if (!path) {
        notOpened.push(key)
        continue
      }
      screens.push({
        name: key,
        path,
        ready: action.showInDrawer ? '[data-testid=drawer-frame]' : '#app',
        drawer: Boolean(action.showInDrawer),
        phone: PHONE_LAYOUTS.includes(action.name),
        filter: action.name === 'list' ? `[data-css=${resource.id}-filter-button]` : undefined,
      })
    }
  }
  return { screens, notOpened }
}
