import { In, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { Campaign } from '../../entities/Campaign.js'
import type { Language } from '../../shared/language.js'
import { chunks, insertEventPerClient, inTransaction } from '../core/transaction.js'
import { dueNow } from '../mail/dueNow.js'
import { newMessageId } from '../mail/messageId.js'
import { writePendingContent } from '../mail/pendingContent.js'
import type { TemplateStore } from '../mail/templateStore.js'
import { valuesOfClients } from '../customFields/customValues.js'
import { campaignRenderer } from './campaignMessages.js'
import { lockCampaign } from './campaignRows.js'
import {
  CAMPAIGN_EMAILS_PER_STATEMENT,
  insertCampaignEmails,
  type CampaignEmailRow,
} from './campaignOutbox.js'
import { RECIPIENT_COLUMNS, skipReason, type RecipientRow } from './campaignSegment.js'
import { unsubscribeToken } from './unsubscribeToken.js'

/** What the release needs besides the database. */
export interface ReleaseContext {
  dataSource: DataSource
  templates: TemplateStore
  from: string
  companyName: string
  language: Language
  secret: string
  unsubscribeUrl: string
  /** The throttle's window (campaigns.throttleWindowMs): a minute but in tests. */
  windowMs: number
}

/**
 * Recipients released per step at most (one transaction): one read, multi-row INSERTs of a thousand
 * rows, two set-based statements. Fewer, larger steps cost less (a commit and a throttle count
 * each); a step reads its recipients' columns at once and renders a statement's worth at a time.
 */
export const RELEASE_BATCH = 5000

// An email of the campaign the outbox has not sent yet: waiting, being sent, or waiting for a retry.
const UNSENT = ['queued', 'sending']

/**
 * What a campaign's throttle has already spent at `now`: its emails not sent yet (each will be sent
 * within the next window at the earliest) and those sent in the last window (`windowMs`, a minute
 * but in tests). A step releases at most the rest, so ANY window of sends holds at most the
 * throttle: what is sent in it was, at the window's last release, either sent already within the
 * window before it, unsent, or released by it.
 * Counting releases instead let a backlog (delivery behind, or a killed instance's rows sent again
 * after their lease) be sent on top of the next minute's releases. One query, two ranges of the
 * (campaignId, status, sentAt) index.
 */
async function sendsCounted(
  manager: EntityManager,
  campaignId: number,
  now: Date,
  windowMs: number,
): Promise<number> {
  const params = { campaignId, unsent: UNSENT, sent: 'sent', since: new Date(now.getTime() - windowMs) }
  const row: { spent: number | string | null } | undefined = await manager
    .createQueryBuilder(EmailLog, 'e')
    .select('COUNT(*)', 'spent')
    .where('e.campaignId = :campaignId', params)
    .andWhere('(e.status IN (:...unsent) OR (e.status = :sent AND e.sentAt > :since))', params)
    .getRawOne()
  return Number(row?.spent ?? 0)
}

/** The unsubscribe link of one client for one campaign. */
export function unsubscribeLink(
  ctx: Pick<ReleaseContext, 'secret' | 'unsubscribeUrl'>,
  campaignId: number,
  clientId: number,
) {
  const token = unsubscribeToken(ctx.secret, { campaignId, clientId })
  const url = new URL(ctx.unsubscribeUrl)
  url.searchParams.set('token', token)
  return { link: url.toString(), token }
}

/**
 * Releases the next recipients of a sending campaign to the outbox, as many as its throttle
 * leaves: its emails unsent in the outbox and those sent in the last window are counted in the
 * database, under the campaign's row lock, so every instance together stays within it over any
 * minute of sends (sendsCounted). Each is checked again (an
 * opt-out, a ban or an anonymisation since the start skips it), rendered in its language, and
 * written as one outbox row keyed (campaign, client), unique: a retry, a second instance or a
 * restart never queues a second email to anyone. One `campaign_sent` event per client, in the
 * same transaction. Returns how many emails were queued.
 *
 * Set-based where it can be (issue 29's 5,000 emails/s): the recipients and what they are greeted
 * with in one read (a join), the outbox rows in multi-row INSERTs, and the recipients' status and
 * their events by the range of client ids the step took — recipients are released in client id
 * order under the lock and a `held` one never comes back, so the `held` ones of that range are
 * exactly those read.
 */
export async function releaseStep(
  ctx: ReleaseContext,
  campaignId: number,
  now = new Date(),
): Promise<number> {
  return inTransaction(ctx.dataSource, async (manager) => {
    const campaign = await lockCampaign(ctx.dataSource, manager, campaignId)
    if (!campaign || campaign.status !== 'sending' || !campaign.plannedAt) return 0
    const room = Math.min(
      campaign.throttlePerMinute - (await sendsCounted(manager, campaignId, now, ctx.windowMs)),
      RELEASE_BATCH,
    )
    if (room <= 0) return 0
    // Only what a recipient is judged and greeted with, not whole entities; no client row: gone.
    const read = manager
      .createQueryBuilder(CampaignRecipient, 'r')
      .leftJoin(Client, 'c', 'c.id = r.clientId')
      .select('r.clientId', 'recipient')
      .addSelect('c.id', 'id')
    for (const column of RECIPIENT_COLUMNS) read.addSelect(`c.${column}`, column)
    const next: (RecipientRow & { recipient: number | string })[] = await read
      .where('r.campaignId = :campaignId AND r.status = :held', { campaignId, held: 'held' })
      .orderBy('r.clientId', 'ASC')
      .limit(room)
      .getRawMany()
    if (next.length === 0) return 0
    const ids = next.map((r) => Number(r.recipient))
    const templates = await ctx.templates.load(manager)
    const renderer = campaignRenderer(campaign, templates, ctx.companyName, ctx.language)
    // Their values of the custom fields the messages use: one query for the whole step.
    const values = await valuesOfClients(manager, ids, renderer.customFields)
    const skipped = new Map<string, number[]>()
    // Written a statement's worth at a time: the step holds that many rendered emails, not all.
    let emails: CampaignEmailRow[] = []
    let queued = 0
    const common = { campaignId, actor: campaign.startedBy, nextAttemptAt: dueNow() }
    const flush = async () => {
      await insertCampaignEmails(manager, common, emails)
      queued += emails.length
      emails = []
    }
    for (const client of next) {
      const id = Number(client.recipient)
      const reason = client.id === null ? 'anonymised' : skipReason(client, campaign.includeUnconfirmed)
      if (reason) {
        if (!skipped.has(reason)) skipped.set(reason, [])
        skipped.get(reason)?.push(id)
        continue
      }
      const unsubscribe = unsubscribeLink(ctx, campaignId, id)
      const email = renderer.render(
        {
          firstName: (client.firstName as string | null) ?? null,
          lastName: String(client.lastName),
          clientNumber: String(client.clientNumber),
          email: client.email as string,
          locale: (client.locale as string | null) ?? null,
          custom: values.get(id),
        },
        unsubscribe,
      )
      emails.push({
        clientId: id,
        to: client.email as string,
        subject: email.subject,
        body: email.logText,
        messageId: newMessageId(ctx.from),
        pendingContent: writePendingContent({
          text: email.text,
          language: email.language,
          link: email.link,
          headers: {
            'List-Unsubscribe': `<${email.link}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
      })
      if (emails.length === CAMPAIGN_EMAILS_PER_STATEMENT) await flush()
    }
    await flush()
    let skippedCount = 0
    for (const [reason, those] of skipped) {
      skippedCount += those.length
      for (const part of chunks(those)) {
        await manager.update(
          CampaignRecipient,
          { campaignId, clientId: In(part) },
          { status: 'skipped', skipReason: reason as never },
        )
      }
    }
    if (skippedCount > 0) await manager.increment(Campaign, { id: campaignId }, 'skippedCount', skippedCount)
    if (queued === 0) return 0
    // The rest of the range's `held` ones are this step's emails.
    const range = { campaignId, first: ids[0], last: ids[ids.length - 1] }
    await manager
      .createQueryBuilder()
      .update(CampaignRecipient)
      .set({ status: 'queued', releasedAt: now })
      .where('campaignId = :campaignId AND status = :held AND clientId BETWEEN :first AND :last', {
        ...range,
        held: 'held',
      })
      .execute()
    const [sql, parameters] = manager
      .createQueryBuilder(CampaignRecipient, 'r')
      .select('r.clientId', 'clientId')
      .where('r.campaignId = :campaignId AND r.status = :queued AND r.clientId BETWEEN :first AND :last', {
        ...range,
        queued: 'queued',
      })
      .getQueryAndParameters()
    const actor = { email: campaign.startedBy, ip: null, type: 'admin' as const }
    await insertEventPerClient(
      manager,
      actor,
      'campaign_sent',
      { campaignId, campaign: campaign.name },
      { sql, parameters },
    )
    return queued
  })
}

/**
 * A sending campaign with nobody left to release and no email of it waiting in the outbox is done.
 * Returns true when it was marked done.
 */
export async function finishIfDone(dataSource: DataSource, campaignId: number): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const campaign = await lockCampaign(dataSource, manager, campaignId)
    if (!campaign || campaign.status !== 'sending' || !campaign.plannedAt) return false
    const held = await manager.countBy(CampaignRecipient, { campaignId, status: 'held' })
    if (held > 0) return false
    const waiting = await manager.countBy(EmailLog, { campaignId, status: In(['queued', 'sending']) })
    if (waiting > 0) return false
    await manager.update(Campaign, { id: campaignId }, { status: 'done', finishedAt: new Date() })
    return true
  })
}
