import type { DataSource } from 'typeorm'
import { Filter, type BaseResource, type CurrentAdmin } from 'adminjs'
import type { Client } from '../../entities/Client.js'
import { Advisor } from '../../entities/Advisor.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { tableOf } from '../core/tableNames.js'
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
  const t = (entity: Parameters<typeof tableOf>[1]) => tableOf(dataSource, entity)
  const [row]: Record<DataTab, number | string>[] = await dataSource.query(
    `SELECT
      (SELECT COUNT(*) FROM ${t(Contract)} WHERE clientId = ?) AS contracts,
      (SELECT COUNT(*) FROM ${t(Commission)} WHERE clientId = ?) AS commissions,
      (SELECT COUNT(*) FROM ${t(Advisor)} a WHERE a.id = ? OR a.id IN (SELECT k.advisorId FROM ${t(Contract)} k WHERE k.clientId = ?)) AS advisors,
      (SELECT COUNT(*) FROM ${t(EmailLog)} WHERE clientId = ?) AS emails,
      (SELECT COUNT(*) FROM ${t(ClientEvent)} WHERE clientId = ?) AS history,
      (SELECT COUNT(*) FROM ${t(ClientNote)} WHERE clientId = ?) AS notes`,
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
