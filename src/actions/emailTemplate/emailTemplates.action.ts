import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** Every template in French and English, edited or not (the list of the page). */
export const emailTemplatesAction = (templates: TemplateStore) =>
  templateAction(templates, { name: 'emailTemplates', method: 'get', run: (t) => t.overview() })
