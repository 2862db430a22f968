import type { ValueTransformer } from 'typeorm'

/**
 * Money and rates as strings with a fixed scale on every driver: mysql2 returns DECIMAL as a
 * string, better-sqlite3 as a number; floats would round cents.
 */
export const decimalString = (scale: number): ValueTransformer => ({
  to: (value: unknown) => (value === undefined || value === null || value === '' ? value : String(value)),
  from: (value: unknown) =>
    value === null || value === undefined ? value : Number(value as string | number).toFixed(scale),
})

export const CLIENT_STATUSES = ['pending', 'active', 'suspended', 'banned', 'deleted'] as const
export type ClientStatus = (typeof CLIENT_STATUSES)[number]

export const CONTRACT_STATUSES = ['active', 'suspended', 'terminated'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export const COMMISSION_STATUSES = ['pending', 'paid', 'cancelled'] as const
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number]

// queued → sending → sent, or back to queued for a retry, or failed after the last attempt.
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

export const ACTOR_TYPES = ['admin', 'client', 'system'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

// `impersonation`: an admin's single-use link into the client area as the client (issue 19).
export const TOKEN_PURPOSES = ['email_confirmation', 'password_reset', 'impersonation'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'undone'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export const CLIENT_EVENT_TYPES = [
  'created',
  'profile_updated',
  'login',
  'login_failed',
  'balance_changed',
  'password_reset_requested',
  'password_changed',
  'account_confirmed',
  'confirmation_sent',
  'two_factor_enabled',
  'two_factor_disabled',
  'suspended',
  'reactivated',
  'banned',
  'deleted',
  'restored',
  'email_sent',
  'email_resent',
  'note_added',
  'imported',
  'merged',
  'removed',
  'contracts_changed',
  'payment_method_detached',
  'data_exported',
  'anonymised',
  'impersonation_started',
  'impersonation_ended',
  'import_undone',
  // Issue 28: a file kept on the client, or deleted.
  'file_added',
  'file_deleted',
  'tags_changed',
  'custom_field_changed',
  // Issue 29: marketing consent given or withdrawn; a campaign's email queued for the client.
  'marketing_consent_changed',
  'campaign_sent',
] as const
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number]

/** What the admin audit trail records (AdminAuditEntry). */
export const ADMIN_AUDIT_ACTIONS = [
  'exported',
  'retention_run',
  'email_template_saved',
  'email_template_reset',
  'email_template_tested',
  'file_downloaded',
  'view_saved',
  'view_changed',
  'view_deleted',
  // Issue 29: a campaign started (who, when, its segment, how many recipients), paused, resumed, cancelled.
  'campaign_started',
  'campaign_paused',
  'campaign_resumed',
  'campaign_cancelled',
  'campaign_tested',
] as const
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number]

/** A client's marketing consent: given (`in`) or withdrawn (`out`); null: never asked. */
export const MARKETING_CONSENTS = ['in', 'out'] as const
export type MarketingConsent = (typeof MARKETING_CONSENTS)[number]

/** Where a consent was given or withdrawn. */
export const CONSENT_SOURCES = ['panel', 'client_area', 'unsubscribe', 'import'] as const
export type ConsentSource = (typeof CONSENT_SOURCES)[number]

/** The client list's consent filter: `unknown` is a client never asked (NULL). */
export const CONSENT_FILTERS = ['in', 'out', 'unknown'] as const
export type ConsentFilter = (typeof CONSENT_FILTERS)[number]

/**
 * A campaign's life: `draft` (edited) → `scheduled` (at `scheduledAt`) or straight to `sending`
 * (recipients frozen, emails released at the throttle's pace) ⇄ `paused`; `cancelled` (what was not
 * sent yet is cancelled) or `done` (every recipient's email sent, failed or skipped).
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'cancelled', 'done'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** Why a client of the segment is not mailed. */
export const CAMPAIGN_SKIP_REASONS = [
  'noEmail',
  'banned',
  'anonymised',
  'unsubscribed',
  'unconfirmed',
] as const
export type CampaignSkipReason = (typeof CAMPAIGN_SKIP_REASONS)[number]

/**
 * A recipient frozen at the start: `held` (waiting for the throttle), `queued` (its outbox row
 * written), `skipped` (with its reason), `cancelled` (the campaign was cancelled before its turn).
 */
export const RECIPIENT_STATUSES = ['held', 'queued', 'skipped', 'cancelled'] as const
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number]
