import type { DataSource } from 'typeorm'
import { createField, removeField, updateField } from '../../services/customFields/fieldCatalog.js'
import { catalogHandlers } from '../core/catalogHandlers.js'

// The CustomField resource's new, edit and delete, each one call of services/customFields/
// fieldCatalog.ts (the definition read with its schema, key and type kept, values kept on removal:
// a removed field leaves every form and list, its values stay for the history and the archive).

export const customFieldHandlers = (dataSource: DataSource) =>
  catalogHandlers({
    create: (actor, payload) => createField(dataSource, actor, payload),
    update: (id, payload) => updateField(dataSource, id, payload),
    remove: (_actor, id) => removeField(dataSource, id),
    removedNotice: 'customFieldRemoved',
  })
