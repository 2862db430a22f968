import type { DataSource } from 'typeorm'
import { Filter, type BaseResource, type CurrentAdmin } from 'adminjs'
import type { Client } from '../../entities/Client.js'
import type { DataTab, HostTab } from '../../shared/clientPageTabs.js'

/** How many rows each tab of the client page holds (a host tab the admin may not list is left out). */
export type TabCounts = Record<string, number>

/**
 * The counts of the built-in data tabs in one statement (a scalar subquery each, every one on a
 * `clientId` index), whatever the client. The advisors are counted as their tab lists them: the
 * referent plus the advisors of its contracts, each once.
 */
export async function builtInTabCounts(
  dataSource: DataSource,
  client: Pick<Client, 'id' | 'advisorId'>,
): Promise<Record<DataTab, number>> {
  const id = client.id
  const [row]: Record<DataTab, number | string>[] = await dataSource.query(
    `SELECT
      (SELECT COUNT(*) FROM contracts WHERE clientId = ?) AS contracts,
      (SELECT COUNT(*) FROM commissions WHERE clientId = ?) AS commissions,
      (SELECT COUNT(*) FROM advisors a WHERE a.id = ? OR a.id IN (SELECT k.advisorId FROM contracts k WHERE k.clientId = ?)) AS advisors,
      (SELECT COUNT(*) FROM email_logs WHERE clientId = ?) AS emails,
      (SELECT COUNT(*) FROM client_events WHERE clientId = ?) AS history,
      (SELECT COUNT(*) FROM client_notes WHERE clientId = ?) AS notes`,
    [id, id, client.advisorId ?? -1, id, id, id, id],
  )
  return {
    contracts: Number(row.contracts),
    commissions: Number(row.commissions),
    advisors: Number(row.advisors),
    emails: Number(row.emails),
    history: Number(row.history),
    notes: Number(row.notes),
  }
}

/**
 * A host tab's count through AdminJS's adapter (one `COUNT` each), under the same rules as its
 * page (services/list/clientTabs.ts readHostTab): none when its list is refused or its key is text.
 */
export async function hostTabCount(
  resource: BaseResource | undefined,
  tab: HostTab,
  clientId: number,
  currentAdmin: CurrentAdmin | undefined,
): Promise<number | null> {
  if (!resource) return null
  const key = resource.property(tab.foreignKey)
  if (!key || key.type() === 'string') return null
  const list = resource.decorate().actions.list
  if (!list || !list.isAccessible(currentAdmin)) return null
  return resource.count(new Filter({ [tab.foreignKey]: String(clientId) }, resource))
}
