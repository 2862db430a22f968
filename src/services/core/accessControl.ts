// Access control in one place: the roles map (who may run which action) and the guard that applies
// it to every action of the plugin's resources (`accessibleBy`, `refusedWith403`, at the end).
import {
  ForbiddenError,
  type Action,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type Before,
  type CurrentAdmin,
} from 'adminjs'

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

// The guard every action of the plugin's resources gets (resources/secureActions.ts builds them at
// setup): the roles map applied, invisible in the panel, 403 through the API.

const asList = (names: string | readonly string[]): readonly string[] =>
  typeof names === 'string' ? [names] : names

/** May this admin run one of these actions (a menu: any of its actions)? No access: no one may. */
const canAny = (
  access: AccessControl | null,
  admin: CurrentAdmin | undefined,
  resourceId: string,
  names: string | readonly string[],
) => asList(names).some((name) => access?.can(admin, resourceId, name) ?? false)

/** An action's `isAccessible`: the right from the roles map, then the action's own condition. */
export function accessibleBy(
  access: AccessControl,
  resourceId: string,
  names: string | readonly string[],
  own?: Partial<Action<ActionResponse>>['isAccessible'],
) {
  return (context: ActionContext): boolean => {
    if (!canAny(access, context.currentAdmin, resourceId, names)) return false
    if (typeof own === 'function') return own(context)
    return own ?? true
  }
}

/**
 * The first before hook of an action: refuses a role without the right (anyone, with no `access`:
 * an action the resource does not offer) before anything else runs, with HTTP 403 (AdminJS alone
 * answers 200 with an error notice). @adminjs/express hands us a copy of Express's request, which
 * keeps `res`. `discard`: what a refused request with files leaves behind, removed first (the
 * files the multipart parser wrote).
 */
export function refusedWith403(
  access: AccessControl | null,
  resourceId: string,
  names: string | readonly string[],
  discard?: (request: ActionRequest) => Promise<void>,
): Before {
  return (request, context) => {
    if (canAny(access, context.currentAdmin, resourceId, names)) return request
    ;(request as { res?: { status?: (code: number) => unknown } }).res?.status?.(403)
    const files = (request as { files?: object }).files
    if (!discard || !files || Object.keys(files).length === 0) throw new ForbiddenError('forbiddenError')
    return discard(request)
      .catch(() => undefined)
      .then(() => {
        throw new ForbiddenError('forbiddenError')
      })
  }
}
