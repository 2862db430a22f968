import type { DataSource, EntityManager } from 'typeorm'
import { In } from 'typeorm'
import { AdminAuditEntry } from '../../entities/AdminAuditEntry.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import type { Language } from '../../shared/language.js'
import type { EmailTemplateKey, TemplateText } from './templateCatalog.js'

/** One change of a template as the page lists it. */
export interface TemplateChange {
  id: number
  action: 'email_template_saved' | 'email_template_reset'
  actor: string | null
  createdAt: Date
  changes: FieldChange[]
}

const ACTIONS = ['email_template_saved', 'email_template_reset'] as const
// What the audit trail's `details` column holds at most (a MySQL TEXT is 65,535 bytes).
const MAX_DETAILS_BYTES = 60_000
const HISTORY_LENGTH = 20

/** The audit trail's "resource" of one template in one language. */
export const auditResourceOf = (key: EmailTemplateKey, language: Language) =>
  `EmailTemplate:${key}:${language}`

/** Each part of the template that differs, before → after. */
export function templateChanges(before: TemplateText, after: TemplateText): FieldChange[] {
  return (['subject', 'text', 'html'] as const)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }))
}

/** Halves the longest text until the entry fits its column: the history never makes a save fail. */
function fitted(changes: FieldChange[]): FieldChange[] {
  const out = changes.map((c) => ({ ...c }))
  const size = () => Buffer.byteLength(JSON.stringify(out), 'utf8')
  while (size() > MAX_DETAILS_BYTES) {
    let longest: { change: FieldChange; side: 'from' | 'to' } | null = null
    for (const change of out) {
      for (const side of ['from', 'to'] as const) {
        const value = change[side]
        if (typeof value === 'string' && value.length > String(longest?.change[longest.side] ?? '').length)
          longest = { change, side }
      }
    }
    if (!longest) break
    const value = String(longest.change[longest.side])
    longest.change[longest.side] = `${value.slice(0, Math.floor(value.length / 2))}…`
  }
  return out
}

/** Records a change of a template in the admin audit trail, in the caller's transaction. */
export async function writeTemplateChange(
  manager: EntityManager,
  actor: Actor,
  action: TemplateChange['action'],
  key: EmailTemplateKey,
  language: Language,
  changes: FieldChange[],
): Promise<void> {
  await writeAudit(manager, actor, {
    action,
    resourceId: auditResourceOf(key, language),
    rowCount: 1,
    details: { template: key, language, changes: fitted(changes) },
  })
}

/** The latest changes of one template in one language, newest first. */
export async function templateHistory(
  dataSource: DataSource,
  key: EmailTemplateKey,
  language: Language,
): Promise<TemplateChange[]> {
  const rows = await dataSource.getRepository(AdminAuditEntry).find({
    where: { action: In([...ACTIONS]), resourceId: auditResourceOf(key, language) },
    order: { id: 'DESC' },
    take: HISTORY_LENGTH,
  })
  return rows.map((row) => ({
    id: row.id,
    action: row.action as TemplateChange['action'],
    actor: row.actor,
    createdAt: row.createdAt,
    changes: Array.isArray(row.details?.changes) ? (row.details.changes as FieldChange[]) : [],
  }))
}
