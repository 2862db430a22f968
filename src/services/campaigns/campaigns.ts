import { In, type DataSource } from 'typeorm'
import { Campaign } from '../../entities/Campaign.js'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import { Client } from '../../entities/Client.js'
import { EmailLog } from '../../entities/EmailLog.js'
import type { Language } from '../../shared/language.js'
import { isValidEmail } from '../../shared/clientIdentity.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { inTransaction } from '../core/transaction.js'
import type { ClientList } from '../list/clientList.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import { dueNow } from '../mail/dueNow.js'
import type { CampaignOptions } from './campaignOptions.js'
import { renderCampaignEmail, type MessageSource } from './campaignMessages.js'
import { readDraft, readDraftPreview, type CampaignInput, type DraftPreview } from './campaignDraft.js'
import { lockCampaign } from './campaignRows.js'
import { previewSegment, type SegmentPreview } from './campaignSegment.js'
import { currentSegment, viewSegmentOrError } from './campaignView.js'
import { unsubscribeLink, type ReleaseContext } from './campaignRelease.js'
import { unsubscribe } from './unsubscribe.js'
import { translations } from '../../locale/index.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { valuesOfClients } from '../customFields/customValues.js'

export type { CampaignInput } from './campaignDraft.js'

/** Where a campaign is: its recipients by outcome, read from the database. */
export interface CampaignProgress {
  status: Campaign['status']
  planned: boolean
  /** Not sent yet: held for the throttle, or in the outbox. */
  queued: number
  sent: number
  failed: number
  skipped: number
  cancelled: number
}

/**
 * Campaigns (issue 29): drafts edited by admins, started now or at a time, paused, resumed,
 * cancelled; their preview (who would be mailed, who skipped and why) and progress. The work
 * itself (freezing the segment, releasing emails at the throttle's pace) is CampaignRunner's.
 */
export class Campaigns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientList,
    private readonly mailer: ClientMailer,
    readonly options: CampaignOptions,
    private readonly mail: { from: string; companyName: string; language: Language },
  ) {}

  /** The fields; a saved view's filters as the segment (as `admin` sees it: a private view is its owner's). */
  private async readWithView(input: CampaignInput, admin: Pick<Actor, 'email'> | null) {
    const custom = await activeFields(this.dataSource)
    const fields = readDraft(input, custom, this.options.throttlePerMinute)
    if (fields.viewId) fields.segment = await viewSegmentOrError(this.dataSource, fields.viewId, admin)
    return fields
  }
  /** A new draft. */
  async create(actor: Actor, input: CampaignInput): Promise<Campaign> {
    const fields = await this.readWithView(input, actor)
    const repository = this.dataSource.getRepository(Campaign)
    return repository.save(repository.create({ ...fields, status: 'draft', createdBy: actor.email }))
  }

  /** A draft (or a scheduled one, back to draft) changed; a started campaign cannot be. */
  async update(id: number, input: CampaignInput, actor: Pick<Actor, 'email'> | null = null) {
    const fields = await this.readWithView(input, actor)
    return inTransaction(this.dataSource, async (manager) => {
      const campaign = await this.locked(manager, id)
      if (campaign.status !== 'draft' && campaign.status !== 'scheduled')
        throw new ClientActionRefused('campaignStarted')
      await manager.update(Campaign, { id }, { ...fields, status: 'draft', scheduledAt: null } as never)
      return manager.findOneByOrFail(Campaign, { id })
    })
  }

  private async locked(manager: Parameters<typeof lockCampaign>[1], id: number): Promise<Campaign> {
    const campaign = Number.isInteger(id) ? await lockCampaign(this.dataSource, manager, id) : null
    if (!campaign) throw new ClientActionRefused('notFound')
    return campaign
  }

  /** Who would be mailed now, who skipped and why (the first 200); a view's campaign: the view now. */
  async preview(id: number, admin: Pick<Actor, 'email'> | null = null): Promise<SegmentPreview> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id })
    if (!campaign) throw new ClientActionRefused('notFound')
    const now = campaign.plannedAt ? null : await currentSegment(this.dataSource, campaign, admin)
    return previewSegment(this.clients, now ?? campaign.segment, campaign.includeUnconfirmed)
  }

  private releaseContext(): ReleaseContext {
    const { secret, unsubscribeUrl } = this.options
    if (!secret || !unsubscribeUrl) throw new ClientActionRefused('campaignNotConfigured')
    return {
      dataSource: this.dataSource,
      templates: this.mailer.templates,
      ...this.mail,
      secret,
      unsubscribeUrl,
      windowMs: this.options.throttleWindowMs,
    }
  }

  /** The release's context, or null while the campaigns are not configured (no unsubscribe URL or secret). */
  releaseContextOrNull(): ReleaseContext | null {
    try {
      return this.releaseContext()
    } catch {
      return null
    }
  }

  /** The email one client would receive (the merge fields filled, the real unsubscribe link). */
  async render(id: number, clientId: number) {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id })
    if (!campaign) throw new ClientActionRefused('notFound')
    return this.renderAs(campaign, clientId)
  }

  private async renderAs(campaign: MessageSource, clientId: number) {
    const ctx = this.releaseContext()
    const client = Number.isInteger(clientId)
      ? await this.dataSource.getRepository(Client).findOneBy({ id: clientId })
      : null
    if (!client) throw new ClientActionRefused('notFound')
    const templates = await this.mailer.templates.load()
    const values = await valuesOfClients(this.dataSource, [client.id], templates.customFieldsInUse())
    const to = { ...client, email: client.email ?? '', custom: values.get(client.id) }
    const link = unsubscribeLink(ctx, campaign.id, clientId)
    return renderCampaignEmail(campaign, templates, ctx.companyName, ctx.language, to, link)
  }

  /**
   * The editor's unsaved draft (POST, nothing written): who it would mail now, who is skipped and
   * why, and the email as `clientId` (else the first recipient) would receive it, the link signed
   * for `campaignId` (the draft's record; 0 for a new one). Field errors as a save's.
   */
  async previewDraft(
    actor: Actor,
    input: CampaignInput,
    chosen: { clientId: number | null; campaignId: number | null },
  ): Promise<DraftPreview> {
    const custom = await activeFields(this.dataSource)
    const draft = await readDraftPreview(this.dataSource, input, custom, actor)
    const preview = await previewSegment(this.clients, draft.segment, draft.includeUnconfirmed)
    const clientId = chosen.clientId ?? preview.firstRecipients[0]?.id ?? null
    if (!draft.message || clientId === null || !this.releaseContextOrNull())
      return { ...preview, email: null, errors: draft.errors }
    const source = { id: chosen.campaignId ?? 0, ...draft.message }
    const email = await this.renderAs(source, clientId)
    return {
      ...preview,
      email: { clientId, subject: email.subject, text: email.logText, language: email.language },
      errors: draft.errors,
    }
  }

  /** "Send me a test": the email as `clientId` would receive it, to the admin, marked [TEST]; audited. */
  async sendTest(actor: Actor, id: number, clientId: number): Promise<{ to: string }> {
    const to = actor.email
    if (!to || !isValidEmail(to)) throw new InvalidInputError({ to: 'templateNoAdminEmail' })
    const email = await this.render(id, clientId)
    await inTransaction(this.dataSource, async (manager) => {
      await this.mailer.queue(manager, [
        {
          clientId: null,
          to,
          subject: `[TEST] ${email.subject}`.slice(0, 255),
          text: email.text,
          logText: email.logText,
          language: email.language,
          link: email.link,
          template: 'campaign',
          actor: to,
        },
      ])
      await writeAudit(manager, actor, {
        action: 'campaign_tested',
        resourceId: 'Campaign',
        rowCount: 1,
        details: { campaignId: id, clientId },
      })
    })
    this.mailer.wake()
    return { to }
  }

  /** Sends now (`at` absent or past) or at `at`; a saved view's campaign takes the view as the starter sees it then. */
  async start(actor: Actor, id: number, at: Date | null = null): Promise<Campaign> {
    this.releaseContext()
    const draft = await this.dataSource.getRepository(Campaign).findOneBy({ id })
    const segment = draft ? await currentSegment(this.dataSource, draft, actor) : undefined
    if (segment === null) throw new ClientActionRefused('viewNotFound')
    return inTransaction(this.dataSource, async (manager) => {
      const campaign = await this.locked(manager, id)
      if (campaign.status !== 'draft' && campaign.status !== 'scheduled')
        throw new ClientActionRefused('campaignStarted')
      if (segment && campaign.viewId === draft?.viewId) await manager.update(Campaign, { id }, { segment })
      const now = new Date()
      const later = at !== null && at.getTime() > now.getTime()
      await manager.update(
        Campaign,
        { id },
        later
          ? { status: 'scheduled', scheduledAt: at, startedBy: actor.email }
          : {
              status: 'sending',
              scheduledAt: null,
              startedAt: now,
              startedBy: actor.email,
              planCursor: null,
            },
      )
      return manager.findOneByOrFail(Campaign, { id })
    })
  }

  /** Pause (its emails in the outbox wait), resume (they are due again), cancel (what is not sent is cancelled). */
  async change(actor: Actor, id: number, to: 'pause' | 'resume' | 'cancel'): Promise<Campaign> {
    return inTransaction(this.dataSource, async (manager) => {
      const campaign = await this.locked(manager, id)
      const allowed = {
        pause: ['sending'],
        resume: ['paused'],
        cancel: ['draft', 'scheduled', 'sending', 'paused'],
      }[to]
      if (!allowed.includes(campaign.status)) throw new ClientActionRefused('campaignWrongStatus')
      const emails = manager
        .createQueryBuilder()
        .update(EmailLog)
        .where('campaignId = :id AND status = :queued', { id, queued: 'queued' })
      if (to === 'pause') {
        await manager.update(Campaign, { id }, { status: 'paused' })
        // Not due while paused: the outbox claims only rows whose next attempt has come.
        await emails.set({ nextAttemptAt: null }).execute()
      } else if (to === 'resume') {
        await manager.update(Campaign, { id }, { status: 'sending' })
        await emails.set({ nextAttemptAt: dueNow() }).execute()
      } else {
        await manager.update(Campaign, { id }, { status: 'cancelled', finishedAt: new Date() })
        await emails
          .set({ status: 'failed', error: 'campaign cancelled', nextAttemptAt: null, pendingContent: null })
          .execute()
        const waiting = await manager.find(EmailLog, {
          select: { clientId: true },
          where: { campaignId: id, status: 'failed', error: 'campaign cancelled' },
        })
        await manager.update(CampaignRecipient, { campaignId: id, status: 'held' }, { status: 'cancelled' })
        const ids = waiting.map((e) => e.clientId).filter((c): c is number => c !== null)
        for (let i = 0; i < ids.length; i += 1000)
          await manager.update(
            CampaignRecipient,
            { campaignId: id, clientId: In(ids.slice(i, i + 1000)) },
            { status: 'cancelled' },
          )
      }
      const action = (
        { pause: 'campaign_paused', resume: 'campaign_resumed', cancel: 'campaign_cancelled' } as const
      )[to]
      await writeAudit(manager, actor, {
        action,
        resourceId: 'Campaign',
        rowCount: 0,
        details: { campaignId: id },
      })
      return manager.findOneByOrFail(Campaign, { id })
    })
  }

  /** The unsubscribe route's answer (http/unsubscribeRoutes.ts): the outcome as a page in the client's language. */
  async unsubscribePage(token: unknown, request: { method: 'GET' | 'POST'; ip: string | null }) {
    const { outcome, language } = await unsubscribe(
      this.dataSource,
      this.options.secret,
      token,
      request,
      this.mail.language,
    )
    const t = (translations[language].messages as Record<string, Record<string, string>>).campaignUnsubscribe
    return {
      status: outcome === 'invalid' ? 400 : 200,
      language,
      title: t[`${outcome}Title`],
      body: t[`${outcome}Body`],
      ...(outcome === 'confirm' ? { button: t.button } : {}),
    }
  }

  /** Queued, sent, failed, skipped, cancelled: one grouped query over the recipients and their emails. */
  async progress(id: number): Promise<CampaignProgress> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id })
    if (!campaign) throw new ClientActionRefused('notFound')
    const rows: { r: string; e: string | null; n: number | string }[] = await this.dataSource
      .getRepository(CampaignRecipient)
      .createQueryBuilder('r')
      .leftJoin(EmailLog, 'e', 'e.campaignId = r.campaignId AND e.clientId = r.clientId')
      .select('r.status', 'r')
      .addSelect('e.status', 'e')
      .addSelect('COUNT(*)', 'n')
      .where('r.campaignId = :id', { id })
      .groupBy('r.status')
      .addGroupBy('e.status')
      .getRawMany()
    const progress: CampaignProgress = {
      status: campaign.status,
      planned: campaign.plannedAt !== null,
      queued: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      cancelled: 0,
    }
    for (const row of rows) {
      const n = Number(row.n)
      if (row.r === 'skipped') progress.skipped += n
      else if (row.r === 'cancelled') progress.cancelled += n
      else if (row.e === 'sent') progress.sent += n
      else if (row.e === 'failed') progress.failed += n
      else progress.queued += n
    }
    return progress
  }
}
