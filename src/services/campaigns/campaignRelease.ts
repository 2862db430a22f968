import { In, type DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { Campaign } from '../../entities/Campaign.js'
import type { Language } from '../../shared/language.js'
import { eventRow, insertEvents } from '../core/clientEvents.js'
import { inTransaction } from '../core/transaction.js'
import { dueNow } from '../mail/dueNow.js'
import { newMessageId } from '../mail/messageId.js'
import { writePendingContent } from '../mail/pendingContent.js'
import type { TemplateStore } from '../mail/templateStore.js'
import { valuesOfClients } from '../customFields/customValues.js'
import { renderCampaignEmail } from './campaignMessages.js'
import { lockCampaign } from './campaignRows.js'
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
}

const WINDOW_MS = 60_000

/** Recipients released per step at most (one transaction): a few statements of a few hundred rows each. */
export const RELEASE_BATCH = 2000

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
 * leaves this minute: the recipients released in the last 60 s are counted in the database, under
 * the campaign's row lock, so every instance together stays within it. Each is checked again (an
 * opt-out, a ban or an anonymisation since the start skips it), rendered in its language, and
 * written as one outbox row keyed (campaign, client), unique: a retry, a second instance or a
 * restart never queues a second email to anyone. One `campaign_sent` event per client, in the
 * same transaction. Returns how many emails were queued.
 */
export async function releaseStep(
  ctx: ReleaseContext,
  campaignId: number,
  now = new Date(),
): Promise<number> {
  return inTransaction(ctx.dataSource, async (manager) => {
    const campaign = await lockCampaign(ctx.dataSource, manager, campaignId)
    if (!campaign || campaign.status !== 'sending' || !campaign.plannedAt) return 0
    const recent = await manager
      .createQueryBuilder(CampaignRecipient, 'r')
      .where('r.campaignId = :campaignId AND r.releasedAt > :since', {
        campaignId,
        since: new Date(now.getTime() - WINDOW_MS),
      })
      .getCount()
    const room = Math.min(campaign.throttlePerMinute - recent, RELEASE_BATCH)
    if (room <= 0) return 0
    const next = await manager.find(CampaignRecipient, {
      select: { clientId: true },
      where: { campaignId, status: 'held' },
      order: { clientId: 'ASC' },
      take: room,
    })
    if (next.length === 0) return 0
    const ids = next.map((r) => r.clientId)
    // Only what a recipient is judged and greeted with, not whole entities.
    const read = manager.createQueryBuilder(Client, 'c').select('c.id', 'id')
    for (const column of RECIPIENT_COLUMNS) read.addSelect(`c.${column}`, column)
    const clients: RecipientRow[] = await read.where('c.id IN (:...ids)', { ids }).getRawMany()
    const byId = new Map(clients.map((c) => [Number(c.id), c]))
    const templates = await ctx.templates.load(manager)
    // Their custom values for `{{custom.<key>}}`: one query for the whole step.
    const custom = templates.customFieldsInUse()
    const values = await valuesOfClients(manager, ids, custom)
    const skipped: { clientId: number; reason: string }[] = []
    const emails: Partial<EmailLog>[] = []
    for (const id of ids) {
      const client = byId.get(id)
      const reason = client ? skipReason(client, campaign.includeUnconfirmed) : 'anonymised'
      if (!client || reason) {
        skipped.push({ clientId: id, reason: reason ?? 'anonymised' })
        continue
      }
      const unsubscribe = unsubscribeLink(ctx, campaignId, id)
      const email = renderCampaignEmail(
        campaign,
        templates,
        ctx.companyName,
        ctx.language,
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
        campaignId,
        to: client.email as string,
        subject: email.subject,
        template: 'campaign',
        body: email.logText,
        status: 'queued',
        messageId: newMessageId(ctx.from),
        actor: campaign.startedBy,
        nextAttemptAt: dueNow(),
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
    }
    for (let i = 0; i < emails.length; i += 250) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(EmailLog)
        .values(emails.slice(i, i + 250) as never)
        .orIgnore()
        .updateEntity(false)
        .execute()
    }
    const queuedIds = emails.map((e) => e.clientId as number)
    if (queuedIds.length > 0) {
      await manager.update(
        CampaignRecipient,
        { campaignId, clientId: In(queuedIds) },
        { status: 'queued', releasedAt: now },
      )
      const actor = { email: campaign.startedBy, ip: null, type: 'admin' as const }
      await insertEvents(
        manager,
        queuedIds.map((clientId) =>
          eventRow(actor, clientId, 'campaign_sent', null, null, { campaignId, campaign: campaign.name }),
        ),
      )
    }
    for (const reason of new Set(skipped.map((s) => s.reason))) {
      const those = skipped.filter((s) => s.reason === reason).map((s) => s.clientId)
      await manager.update(
        CampaignRecipient,
        { campaignId, clientId: In(those) },
        { status: 'skipped', skipReason: reason as never },
      )
    }
    if (skipped.length > 0)
      await manager.increment(Campaign, { id: campaignId }, 'skippedCount', skipped.length)
    return queuedIds.length
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
