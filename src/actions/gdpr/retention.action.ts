import type { Action, ActionResponse } from 'adminjs'
import type { GdprActionDeps } from './gdprArchive.action.js'
import { actorOf, readPayload, refusalResponse, refuseMalformed } from '../core/clientActionSpecs.js'

const RETENTION_OPS = ['save', 'run']

/**
 * Retention (admins): the setting "anonymise clients inactive for N months" (off by default), a
 * dry run listing who a run would anonymise, and the run, by batches. GET reads (setting and dry
 * run); POST `{ op: 'save', retentionMonths }` saves the setting, `{ op: 'run' }` runs it.
 */
export const retentionAction = (deps: GdprActionDeps): Partial<Action<ActionResponse>> => ({
  name: 'retention',
  actionType: 'resource',
  icon: 'Clock',
  component: deps.components.RetentionPanel,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    const { retention } = deps.gdpr
    try {
      const payload = request.method === 'post' ? readPayload(request, { op: 8, retentionMonths: 32 }) : {}
      // A POST is a save or a run: anything else is no form of the panel (400, nothing done).
      if (request.method === 'post' && !RETENTION_OPS.includes(payload.op as string))
        refuseMalformed(request, { op: 'invalidValue' })
      if (payload.op === 'save') await retention.setMonths(actorOf(request, context), payload.retentionMonths)
      const months = await retention.months()
      if (payload.op === 'run') {
        if (months === null)
          return {
            notice: { message: 'retentionOff', type: 'error', resourceId: context.resource.decorate().id() },
          }
        const { anonymised, batches } = await retention.run(actorOf(request, context), months)
        return {
          retention: { months, dryRun: await retention.dryRun(months, { limit: 200 }) },
          notice: {
            message: 'retentionDone',
            type: 'success',
            resourceId: context.resource.decorate().id(),
            options: { count: anonymised.length, batches },
          },
        }
      }
      return {
        retention: {
          months,
          dryRun: months === null ? null : await retention.dryRun(months, { limit: 200 }),
        },
        ...(payload.op === 'save'
          ? {
              notice: {
                message: 'retentionSaved',
                type: 'success',
                resourceId: context.resource.decorate().id(),
              },
            }
          : {}),
      }
    } catch (error) {
      return refusalResponse(error, context)
    }
  },
})
