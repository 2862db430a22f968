import type { DataSource } from 'typeorm'
import { Advisor } from '../../entities/Advisor.js'
import { Contract } from '../../entities/Contract.js'
import { EmailLog } from '../../entities/EmailLog.js'
import type { Language } from '../../shared/language.js'
import type { TemplateStore } from '../mail/templateStore.js'
import { visibleViews } from '../views/savedViews.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { customMergeField } from '../mail/templateCatalog.js'
import { CAMPAIGN_FIELDS } from './campaignMessages.js'

/** What the campaign editor offers: the saved views the admin sees, the message templates, the merge fields. */
export interface CampaignChoices {
  views: { id: number; name: string; shared: boolean }[]
  templates: { key: string; language: Language; subject: string; text: string }[]
  mergeFields: readonly string[]
  /** The custom fields' merge fields (`custom.<key>`, also in `mergeFields`) with their labels. */
  customFields: { name: string; labelFr: string; labelEn: string }[]
  /** The active advisors (by name) for the segment's advisor filter. */
  advisors: { id: number; label: string }[]
  /** The contracts' products (their types), for the segment's contract filter. */
  products: string[]
  throttlePerMinute: number
  /** Whether campaigns can be started (the host set the unsubscribe URL and secret). */
  configured: boolean
}

/** At most this many advisors and products offered (a longer list is no choice). */
const MAX_CHOICES = 500

/** The editor's choices for this admin (their own views and the shared ones). */
export async function campaignChoices(
  dataSource: DataSource,
  templates: TemplateStore,
  admin: { email: string | null } | null,
  defaults: { throttlePerMinute: number; configured: boolean },
): Promise<CampaignChoices> {
  const viewer = { email: admin?.email ?? null, managesShared: false }
  const [{ views }, messages, custom, advisors, products] = await Promise.all([
    visibleViews(dataSource, viewer, 'Client'),
    templates.messageTemplates(),
    activeFields(dataSource),
    dataSource.getRepository(Advisor).find({
      select: { id: true, code: true, lastName: true, firstName: true },
      where: { active: true },
      order: { lastName: 'ASC', id: 'ASC' },
      take: MAX_CHOICES,
    }),
    dataSource
      .getRepository(Contract)
      .createQueryBuilder('k')
      .select('DISTINCT k.product', 'product')
      .orderBy('k.product', 'ASC')
      .limit(MAX_CHOICES)
      .getRawMany<{ product: string }>(),
  ])
  const customFields = custom.map((f) => ({
    name: customMergeField(f.key),
    labelFr: f.labelFr,
    labelEn: f.labelEn,
  }))
  return {
    views: views.map((v) => ({ id: v.id, name: v.name, shared: v.shared })),
    templates: messages,
    mergeFields: [...CAMPAIGN_FIELDS, ...customFields.map((f) => f.name)],
    customFields,
    advisors: advisors.map((a) => ({
      id: a.id,
      label: `${[a.lastName, a.firstName].filter(Boolean).join(' ')} (${a.code})`,
    })),
    products: products.map((p) => p.product),
    ...defaults,
  }
}

/** Emails sent per campaign of a page of the list: one grouped query, whatever the page's size. */
export async function sentCounts(dataSource: DataSource, ids: number[]): Promise<Map<number, number>> {
  const valid = ids.filter((id) => Number.isSafeInteger(id) && id > 0)
  if (valid.length === 0) return new Map()
  const rows: { id: number | string; n: number | string }[] = await dataSource
    .getRepository(EmailLog)
    .createQueryBuilder('e')
    .select('e.campaignId', 'id')
    .addSelect('COUNT(*)', 'n')
    .where('e.campaignId IN (:...valid) AND e.status = :sent', { valid, sent: 'sent' })
    .groupBy('e.campaignId')
    .getRawMany()
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]))
}
