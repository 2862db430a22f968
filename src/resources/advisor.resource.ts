import type { ResourceWithOptions } from 'adminjs'
import { Advisor } from '../entities/Advisor.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { advisorSummaryAction } from '../actions/advisor/advisorSummary.action.js'
import { formatted } from './formattedProperty.js'
import { secureActions } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

const EDITABLE = ['code', 'lastName', 'firstName', 'email', 'phone', 'active']

export function createAdvisorResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: Advisor,
    options: {
      id: deps.ids.Advisor,
      navigation: deps.navigation,
      sort: { sortBy: 'lastName', direction: 'asc' },
      listProperties: ['code', 'lastName', 'firstName', 'email', 'phone', 'active'],
      filterProperties: ['code', 'lastName', 'email', 'active'],
      showProperties: ['code', 'lastName', 'firstName', 'email', 'phone', 'active', 'createdAt', 'updatedAt'],
      editProperties: EDITABLE,
      properties: {
        lastName: { isTitle: true },
        phone: formatted(deps, 'phone'),
        active: formatted(deps, 'boolean'),
        createdAt: formatted(deps, 'dateTime'),
        updatedAt: formatted(deps, 'dateTime'),
      },
      actions: secureActions(deps, {
        resourceId: 'Advisor',
        entity: Advisor,
        editable: EDITABLE,
        rules: { required: ['code', 'lastName'], unique: ['code'], emails: ['email'] },
        // An advisor leaves by being deactivated: its clients, contracts and commissions keep it.
        disabled: ['delete', 'bulkDelete'],
        components: { show: deps.components.AdvisorShow },
        custom: { summary: advisorSummaryAction(deps.dataSource) as ClientAction },
        // The summary is part of the advisor's page: whoever may show it may read it.
        rights: { summary: 'show' },
      }),
    },
  }
}
