import type { EntityManager } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import { isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'

/** What a campaign's outbox row holds besides what every row of a step shares. */
export interface CampaignEmailRow {
  clientId: number
  to: string
  subject: string
  body: string
  messageId: string
  pendingContent: string
}

/** What every outbox row of a release step shares. */
export interface CampaignEmailCommon {
  campaignId: number
  actor: string | null
  nextAttemptAt: Date
}

// 11 values a row: 1,000 rows stay far under SQLite's 32,766 bound parameters and MariaDB's packet.
export const CAMPAIGN_EMAILS_PER_STATEMENT = 1000
const OWN = ['clientId', 'to', 'subject', 'body', 'messageId', 'pendingContent'] as const
const SHARED = ['campaignId', 'template', 'status', 'actor', 'nextAttemptAt'] as const

/**
 * A release step's outbox rows, queued: multi-row INSERTs of a thousand rows, that ignore a row
 * whose (campaign, client) is there already (the unique key: a step run twice never queues a
 * second email to anyone). Built by hand, not by TypeORM's insert builder, which cost more than the
 * database's own work here; the values converted as TypeORM converts them (`nextAttemptAt` by the
 * driver), the other columns left to their defaults.
 */
export async function insertCampaignEmails(
  manager: EntityManager,
  common: CampaignEmailCommon,
  rows: readonly CampaignEmailRow[],
): Promise<void> {
  if (rows.length === 0) return
  const dataSource = manager.connection
  const metadata = dataSource.getMetadata(EmailLog)
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property)
    if (!column) throw new Error(`EmailLog has no column ${property}`)
    return column
  }
  const names = [...OWN, ...SHARED].map((p) => dataSource.driver.escape(columnOf(p).databaseName))
  const shared = [
    common.campaignId,
    'campaign',
    'queued',
    common.actor,
    dataSource.driver.preparePersistentValue(common.nextAttemptAt, columnOf('nextAttemptAt')),
  ]
  const tuple = `(${names.map(() => '?').join(', ')})`
  const insert = `${isMysqlFamily(dataSource) ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO ${tableOf(dataSource, EmailLog)} (${names.join(', ')}) VALUES `
  for (let i = 0; i < rows.length; i += CAMPAIGN_EMAILS_PER_STATEMENT) {
    const part = rows.slice(i, i + CAMPAIGN_EMAILS_PER_STATEMENT)
    const values: unknown[] = []
    for (const row of part) {
      for (const p of OWN) values.push(row[p])
      values.push(...shared)
    }
    await manager.query(insert + part.map(() => tuple).join(', '), values)
  }
}
