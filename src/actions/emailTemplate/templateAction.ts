import type { Action, ActionResponse, NoticeMessage } from 'adminjs'
import type { Actor } from '../../services/core/requestValues.js'
import type { TemplateStore } from '../../services/mail/templateStore.js'
import {
  MAX_TEMPLATE_HTML_LENGTH,
  MAX_TEMPLATE_SUBJECT_LENGTH,
  MAX_TEMPLATE_TEXT_LENGTH,
} from '../../shared/limits.js'
import { actorOf, readPayload, refusalResponse } from '../core/clientActionSpecs.js'

/** The texts the template page sends, with their longest lengths. */
export const TEMPLATE_FIELDS = {
  template: 32,
  language: 5,
  subject: MAX_TEMPLATE_SUBJECT_LENGTH,
  text: MAX_TEMPLATE_TEXT_LENGTH,
  html: MAX_TEMPLATE_HTML_LENGTH,
  clientId: 12,
}

type Input = Record<string, unknown>

interface TemplateActionSpec<T> {
  name: string
  /** `get`: a read, answered to GET; `post`: a change (or a send), run on POST only. */
  method: 'get' | 'post'
  /** The one service call; its result is answered under `emailTemplate`. */
  run: (templates: TemplateStore, actor: Actor, input: Input) => Promise<T>
  /** Message key of the success notice of a POST. */
  success?: string
}

/**
 * An action of the email templates page (a resource action the page calls, not shown as a
 * button): reads the request, calls one method of `TemplateStore`, answers with its result;
 * bad input comes back as field errors, nothing written.
 */
export function templateAction<T>(
  templates: TemplateStore,
  spec: TemplateActionSpec<T>,
): Partial<Action<ActionResponse>> {
  return {
    name: spec.name,
    actionType: 'resource',
    component: false,
    isVisible: false,
    showInDrawer: false,
    handler: async (request, _response, context) => {
      if (spec.method === 'post' && request.method !== 'post') return {}
      try {
        const input =
          spec.method === 'post' ? readPayload(request, TEMPLATE_FIELDS) : ((request.query ?? {}) as Input)
        const result = await spec.run(templates, actorOf(request, context), input)
        const notice: NoticeMessage | undefined = spec.success
          ? { message: spec.success, type: 'success', resourceId: context.resource.decorate().id() }
          : undefined
        return { emailTemplate: result, ...(notice ? { notice } : {}) }
      } catch (error) {
        return refusalResponse(error, context)
      }
    },
  }
}
