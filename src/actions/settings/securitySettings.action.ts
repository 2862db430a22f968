import type { Action, ActionResponse } from 'adminjs'
import type { ClientSettings } from '../../services/accounts/clientSettings.js'
import { SETTING_RANGES } from '../../services/accounts/clientSettings.js'
import { HASHING_DRIVERS } from '../../services/accounts/passwordHasher.js'
import { actorOf, readPayload, refusalResponse } from '../core/clientActionSpecs.js'

/**
 * The security settings page (admins only, see accessControl): GET gives the settings in force,
 * their ranges, the hash report and the latest changes; POST saves the fields sent and records
 * who changed what. Nothing here touches a password: hashes migrate at each client's next login.
 */
export const securitySettingsAction = (
  settings: ClientSettings,
  component: string,
): Partial<Action<ActionResponse>> => ({
  name: 'securitySettings',
  actionType: 'resource',
  icon: 'Shield',
  component,
  showInDrawer: false,
  isVisible: false,
  handler: async (request, _response, context) => {
    let notice: ActionResponse['notice'] | undefined
    if (request.method === 'post') {
      try {
        const { changes } = await settings.update(actorOf(request, context), readPayload(request))
        notice = {
          message:
            changes.length === 0
              ? 'settingsUnchanged'
              : changes.length === 1
                ? 'settingsSaved_one'
                : 'settingsSaved_other',
          type: changes.length > 0 ? 'success' : 'info',
          resourceId: context.resource.decorate().id(),
          options: { count: changes.length },
        }
      } catch (error) {
        return refusalResponse(error, context)
      }
    }
    const current = await settings.current()
    const [hashReport, history] = await Promise.all([settings.hashReport(current), settings.history(20)])
    return {
      ...(notice ? { notice } : {}),
      securitySettings: {
        values: current,
        drivers: HASHING_DRIVERS,
        ranges: SETTING_RANGES,
        hashReport,
        history: history.map((h) => ({
          id: h.id,
          actor: h.actor,
          ip: h.ip,
          changes: h.changes,
          createdAt: h.createdAt,
        })),
      },
    }
  },
})
