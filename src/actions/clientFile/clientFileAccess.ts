import type { ActionContext, ActionRequest, CurrentAdmin } from 'adminjs'
import { InvalidInputError } from '../../services/core/errors.js'
import type { AccessControl } from '../../services/core/accessControl.js'
import type { ClientFiles } from '../../services/files/clientFiles.js'

export interface ClientFileActionDeps {
  clientFiles: ClientFiles
  access: AccessControl
  /** Where the multipart parser writes its temp files (option `imports.uploadDir`). */
  uploadDir: string
}

/**
 * Who sees a file marked "admins only": a role that has the right `Client.adminOnlyFiles` (a
 * right, not an action; `admin: '*'` has it, the default support role does not).
 */
export const seesAdminOnlyFiles = (access: AccessControl, admin: CurrentAdmin | undefined) =>
  access.can(admin, 'Client', 'adminOnlyFiles')

/** A route that changes data answered 405 to any other method than POST. */
export class MethodNotAllowed extends Error {
  readonly status = 405
  constructor() {
    super('methodNotAllowed')
    this.name = 'MethodNotAllowed'
  }
}

export const requirePost = (request: ActionRequest) => {
  if (request.method !== 'post') throw new MethodNotAllowed()
}

export const clientIdOf = (context: ActionContext) => Number(context.record?.id())

/** What the Files tab may offer this admin. */
export const fileRights = (deps: ClientFileActionDeps, context: ActionContext) => ({
  upload: deps.access.can(context.currentAdmin, 'Client', 'uploadFile'),
  delete: deps.access.can(context.currentAdmin, 'Client', 'deleteFile'),
  adminOnly: seesAdminOnlyFiles(deps.access, context.currentAdmin),
  maxFileBytes: deps.clientFiles.options.maxFileBytes,
})

/**
 * Bad input answered 400 (AdminJS answers its field errors 200): the page and a script alike see
 * a refusal. The same shape as accessControl's refusedWith403 (`request.res` is Express's response).
 */
export function statusForRefusal(request: ActionRequest, error: unknown): void {
  if (error instanceof InvalidInputError)
    (request as { res?: { status?: (code: number) => unknown } }).res?.status?.(400)
}
