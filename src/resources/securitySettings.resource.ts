import type { ResourceWithOptions } from 'adminjs'
import { SettingsChange } from '../entities/SettingsChange.js'
import { securitySettingsAction } from '../actions/settings/securitySettings.action.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { secureActions } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

/**
 * Security settings: the sidebar entry opens the settings page (its list view), whose records
 * are the history of changes. Admins only: bare action names of other roles do not reach it.
 */
export function createSecuritySettingsResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: SettingsChange,
    options: {
      id: deps.ids.SecuritySettings,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'actor', 'ip', 'changes'],
      showProperties: ['createdAt', 'actor', 'ip', 'changes'],
      properties: { changes: { type: 'textarea' } },
      actions: secureActions(deps, {
        resourceId: 'SecuritySettings',
        entity: SettingsChange,
        disabled: ['new', 'edit', 'delete', 'bulkDelete', 'search'],
        components: { list: deps.components.SecuritySettings },
        custom: {
          securitySettings: securitySettingsAction(
            deps.settings,
            deps.components.SecuritySettings,
          ) as ClientAction,
        },
      }),
    },
  }
}
