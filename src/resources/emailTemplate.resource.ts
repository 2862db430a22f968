import type { ResourceWithOptions } from 'adminjs'
import { EmailTemplate } from '../entities/EmailTemplate.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { emailTemplateAction } from '../actions/emailTemplate/emailTemplate.action.js'
import { emailTemplatesAction } from '../actions/emailTemplate/emailTemplates.action.js'
import { previewEmailTemplateAction } from '../actions/emailTemplate/previewEmailTemplate.action.js'
import { resetEmailTemplateAction } from '../actions/emailTemplate/resetEmailTemplate.action.js'
import { saveEmailTemplateAction } from '../actions/emailTemplate/saveEmailTemplate.action.js'
import { testEmailTemplateAction } from '../actions/emailTemplate/testEmailTemplate.action.js'
import { secureActions } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

/**
 * Email templates: the sidebar entry opens the templates page (its list view), which lists
 * every template in French and English, the shipped ones included, and edits them through the
 * actions below. Admins only: qualified rights (`EmailTemplate.list`…), so a role that may list
 * everything does not get it by accident.
 */
export function createEmailTemplateResource(deps: ResourceDeps): ResourceWithOptions {
  const templates = deps.mailer.templates
  return {
    resource: EmailTemplate,
    options: {
      id: deps.ids.EmailTemplate,
      navigation: deps.navigation,
      listProperties: ['templateKey', 'language', 'subject', 'updatedBy', 'updatedAt'],
      showProperties: [
        'templateKey',
        'language',
        'subject',
        'textBody',
        'htmlBody',
        'updatedBy',
        'updatedAt',
      ],
      properties: { textBody: { type: 'textarea' }, htmlBody: { type: 'textarea' } },
      actions: secureActions(deps, {
        resourceId: 'EmailTemplate',
        entity: EmailTemplate,
        // Written only through the page's actions (checked, recorded): no generic create, edit or delete.
        disabled: ['new', 'edit', 'delete', 'bulkDelete', 'search'],
        components: { list: deps.components.EmailTemplates },
        custom: {
          emailTemplates: emailTemplatesAction(templates) as ClientAction,
          emailTemplate: emailTemplateAction(templates) as ClientAction,
          saveEmailTemplate: saveEmailTemplateAction(templates) as ClientAction,
          resetEmailTemplate: resetEmailTemplateAction(templates) as ClientAction,
          previewEmailTemplate: previewEmailTemplateAction(templates) as ClientAction,
          testEmailTemplate: testEmailTemplateAction(templates) as ClientAction,
        },
        rights: { emailTemplates: 'list', emailTemplate: 'list', previewEmailTemplate: 'list' },
      }),
    },
  }
}
