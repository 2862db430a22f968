import type { Action, RecordActionResponse } from 'adminjs'
import type { CommissionImport } from '../../services/import/commissionImport.js'
import { ImportUndoRefused } from '../../services/import/importUndoRefused.js'
import { actorOf, freshRecords } from '../core/clientActionSpecs.js'

/**
 * Undo a commission import: its commissions go, and the clients and contracts it created that
 * nothing else uses (services/import/undoImport.ts). GET shows the confirmation, POST undoes.
 */
export const undoImportAction = (
  commissionImport: CommissionImport,
  components: { ClientActionForm: string },
): Partial<Action<RecordActionResponse>> => ({
  name: 'undoImport',
  actionType: 'record',
  icon: 'RotateCcw',
  variant: 'danger',
  component: components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  isVisible: (context) => ['done', 'failed'].includes(String(context.record?.params.status)),
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    const id = Number(context.record?.id())
    const resourceId = context.resource.decorate().id()
    try {
      const undone = await commissionImport.undo(actorOf(request, context), id)
      const [record] = await freshRecords(context, [id])
      return {
        record: record ?? current,
        notice: {
          message: 'importUndone',
          type: 'success',
          resourceId,
          options: { ...undone },
        },
        redirectUrl: context.h.recordActionUrl({
          resourceId,
          recordId: String(id),
          actionName: 'show',
        }),
      }
    } catch (error) {
      // Missing, running or already undone: nothing changed, the page says so.
      if (!(error instanceof ImportUndoRefused)) throw error
      const [record] = await freshRecords(context, [id])
      return {
        record: record ?? current,
        notice: { message: 'importUndoRefused', type: 'error', resourceId },
      }
    }
  },
})
