import type { CurrentAdmin } from 'adminjs'

/**
 * Who may run which action: role name → `'*'` (everything) or a list of action names. A name
 * is either bare (`show`, for every resource) or qualified by resource id (`Client.suspend`).
 * Resources in `QUALIFIED_ONLY` (the security settings, the admin audit trail, the email templates, the custom fields' definitions) take qualified names only: a role that
 * may `list` every resource does not get to see them by accident.
 */
export type RoleMap = Record<string, '*' | readonly string[]>

const READ_ONLY = ['list', 'show', 'search'] as const

export const DEFAULT_ROLES: RoleMap = {
  admin: '*',
  support: [
    ...READ_ONLY,
    'Client.resendConfirmation',
    'Client.sendPasswordReset',
    'Client.sendEmail',
    'Client.bulkSendEmail',
    'Client.forceConfirm',
    'Client.bulkForceConfirm',
    'Client.addNote',
    'Client.paymentMethods',
    // Their own saved views of the list (a shared one of another admin's: `manageSharedViews`).
    'Client.saveView',
    'Client.renameView',
    'Client.shareView',
    'Client.deleteView',
    'Client.defaultView',
    // The same for the contracts' and the commissions' lists.
    ...['Contract', 'Commission'].flatMap((resource) =>
      ['saveView', 'renameView', 'shareView', 'deleteView', 'defaultView'].map((a) => `${resource}.${a}`),
    ),
  ],
}

const QUALIFIED_ONLY: ReadonlySet<string> = new Set([
  'SecuritySettings',
  'AdminAuditEntry',
  'EmailTemplate',
  'CustomField',
])

export type RoleOf = (admin: CurrentAdmin | undefined) => string | undefined

export const defaultRoleOf: RoleOf = (admin) => (typeof admin?.role === 'string' ? admin.role : undefined)

export class AccessControl {
  constructor(
    private readonly roles: RoleMap,
    private readonly roleOf: RoleOf = defaultRoleOf,
  ) {}

  can(admin: CurrentAdmin | undefined, resourceId: string, action: string): boolean {
    const role = this.roleOf(admin)
    if (!role || !Object.prototype.hasOwnProperty.call(this.roles, role)) return false
    const allowed = this.roles[role]
    if (allowed === '*') return true
    if (allowed.includes(`${resourceId}.${action}`)) return true
    return !QUALIFIED_ONLY.has(resourceId) && allowed.includes(action)
  }
}
