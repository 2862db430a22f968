import type { ResourceWithOptions } from 'adminjs'
import { ClientEvent } from '../entities/ClientEvent.js'
import { ClientNote } from '../entities/ClientNote.js'
import { EmailLog } from '../entities/EmailLog.js'
import { ACTOR_TYPES, CLIENT_EVENT_TYPES, EMAIL_STATUSES } from '../entities/columns.js'
import { resendEmailAction } from '../actions/emailLog/resendEmail.action.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { formatted } from './formattedProperty.js'
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
        createdAt: formatted(deps, 'dateTime'),
        changes: { components: { show: deps.components.HistoryChanges } },
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
      listProperties: ['createdAt', 'clientId', 'to', 'subject', 'status', 'attempts', 'nextAttemptAt'],
      filterProperties: ['clientId', 'to', 'subject', 'status', 'template', 'createdAt'],
      showProperties: [
        'createdAt',
        'clientId',
        'to',
        'subject',
        'template',
        'status',
        'attempts',
        'nextAttemptAt',
        'error',
        'messageId',
        'actor',
        'body',
      ],
      properties: {
        subject: { isTitle: true },
        to: formatted(deps, 'email'),
        status: { availableValues: valuesOf(EMAIL_STATUSES) },
        createdAt: formatted(deps, 'dateTime'),
        nextAttemptAt: formatted(deps, 'dateTime'),
        body: { type: 'textarea' },
        error: { type: 'textarea' },
        // The text really sent (with its token): never shown, and stripped from every response.
        pendingContent: { isVisible: false },
        leaseUntil: { isVisible: false },
        claimedBy: { isVisible: false },
      },
      actions: secureActions(deps, {
        resourceId: 'EmailLog',
        entity: EmailLog,
        disabled: [...READ_ONLY],
        // Queues a failed email again (POST only); the outbox is written by the services.
        custom: { resendEmail: resendEmailAction(deps.mailer, deps.components) as ClientAction },
      }),
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
      properties: { body: { type: 'textarea', isTitle: true }, createdAt: formatted(deps, 'dateTime') },
      // Notes are added from the client page, which also records the `note_added` event.
      actions: secureActions(deps, {
        resourceId: 'ClientNote',
        entity: ClientNote,
        disabled: [...READ_ONLY],
      }),
    },
  }
}
