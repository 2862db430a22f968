import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** Saves an admin's version of a template (checked; every change recorded). */
export const saveEmailTemplateAction = (templates: TemplateStore) =>
  templateAction(templates, {
    name: 'saveEmailTemplate',
    method: 'post',
    success: 'emailTemplateSaved',
    run: (t, actor, payload) => t.save(actor, payload),
  })
