import type { ResourceWithOptions } from 'adminjs'
import { ClientEvent } from '../entities/ClientEvent.js'
import { ClientNote } from '../entities/ClientNote.js'
import { EmailLog } from '../entities/EmailLog.js'
import { ACTOR_TYPES, CLIENT_EVENT_TYPES, EMAIL_STATUSES } from '../entities/columns.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

// History is written by the services in the same transaction as the change it records: never by hand.
const READ_ONLY = ['new', 'edit', 'delete', 'bulkDelete'] as const

export function createClientEventResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: ClientEvent,
    options: {
      id: deps.ids.ClientEvent,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'clientId', 'type', 'actor', 'ip', 'reason'],
      filterProperties: ['clientId', 'type', 'actorType', 'actor', 'createdAt'],
      showProperties: [
        'createdAt',
        'clientId',
        'type',
        'actorType',
        'actor',
        'ip',
        'reason',
        'changes',
        'data',
      ],
      properties: {
        type: { availableValues: valuesOf(CLIENT_EVENT_TYPES) },
        actorType: { availableValues: valuesOf(ACTOR_TYPES) },
        reason: { type: 'textarea' },
      },
      actions: secureActions(deps, {
        resourceId: 'ClientEvent',
        entity: ClientEvent,
        disabled: [...READ_ONLY],
      }),
    },
  }
}

export function createEmailLogResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: EmailLog,
    options: {
      id: deps.ids.EmailLog,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'clientId', 'to', 'subject', 'status'],
      filterProperties: ['clientId', 'to', 'subject', 'status', 'template', 'createdAt'],
      showProperties: [
        'createdAt',
        'clientId',
        'to',
        'subject',
        'template',
        'status',
        'error',
        'actor',
        'body',
      ],
      properties: {
        subject: { isTitle: true },
        status: { availableValues: valuesOf(EMAIL_STATUSES) },
        body: { type: 'textarea' },
        error: { type: 'textarea' },
      },
      actions: secureActions(deps, { resourceId: 'EmailLog', entity: EmailLog, disabled: [...READ_ONLY] }),
    },
  }
}

export function createClientNoteResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: ClientNote,
    options: {
      id: deps.ids.ClientNote,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'clientId', 'author', 'body'],
      filterProperties: ['clientId', 'author', 'createdAt'],
      properties: { body: { type: 'textarea', isTitle: true } },
      // Notes are added from the client page, which also records the `note_added` event.
      actions: secureActions(deps, {
        resourceId: 'ClientNote',
        entity: ClientNote,
        disabled: [...READ_ONLY],
      }),
    },
  }
}
