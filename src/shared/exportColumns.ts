// The columns a list export offers, per list: plain data the export form (browser) and the
// export service (server) share, so both agree on what may be asked for.

import type { ClientColumn } from './clientColumns.js'
import { customFieldName, isNumberType, type CustomFieldDefinition } from './customFields.js'

/** How a column's values are written (see services/export/csvWriter.ts). */
export type ExportCellKind = 'text' | 'number' | 'decimal' | 'date' | 'datetime' | 'boolean'

/** The resources a list export serves; `ClientHistory` is a client's history tab. */
export const EXPORTABLE = ['Client', 'Contract', 'Commission', 'ClientHistory'] as const
export type ExportableResource = (typeof EXPORTABLE)[number]

/**
 * A column an admin may export. `enum`: its value translated through the resource's labels
 * (`resources.<labelsOf>.labels.<key>.<value>`); `person`: a client or advisor read by a join,
 * written "number last first"; the header is the property's label in the panel's language.
 */
export interface ExportColumn {
  key: string
  kind: ExportCellKind | 'enum' | 'person' | 'contract' | 'changes' | 'custom'
  /** Shown in the list, so exported when the admin does not choose. */
  visible: boolean
  /** A custom field's column (`cf__<key>`, kind `custom`): its definition (label, type, choices). */
  field?: CustomFieldDefinition
}

const col = (key: string, kind: ExportColumn['kind'], visible = false): ExportColumn => ({
  key,
  kind,
  visible,
})

// A client's column: one of the page's (shared/clientColumns.ts), the count of active contracts or its tags.
const clientCol = (
  key: ClientColumn | 'activeContracts' | 'tags',
  kind: ExportColumn['kind'],
  visible = false,
) => col(key, kind, visible)

export const EXPORT_COLUMNS: Record<ExportableResource, readonly ExportColumn[]> = {
  // The list's columns first (its Name column is last name and first name), then the rest of the profile.
  Client: [
    clientCol('clientNumber', 'text', true),
    clientCol('lastName', 'text', true),
    clientCol('firstName', 'text', true),
    clientCol('email', 'text', true),
    clientCol('phone', 'text', true),
    clientCol('activeContracts', 'number', true),
    clientCol('tags', 'text', true),
    clientCol('status', 'enum', true),
    clientCol('createdAt', 'datetime', true),
    clientCol('addressLine1', 'text'),
    clientCol('addressLine2', 'text'),
    clientCol('postalCode', 'text'),
    clientCol('city', 'text'),
    clientCol('country', 'text'),
    clientCol('locale', 'text'),
    clientCol('balance', 'decimal'),
    clientCol('emailConfirmedAt', 'datetime'),
    clientCol('lastLoginAt', 'datetime'),
  ],
  Contract: [
    col('reference', 'text', true),
    col('clientId', 'person', true),
    col('advisorId', 'person', true),
    col('product', 'text', true),
    col('status', 'enum', true),
    col('startDate', 'date', true),
    col('premium', 'decimal', true),
    col('endDate', 'date'),
    col('createdAt', 'datetime'),
  ],
  Commission: [
    col('period', 'date', true),
    col('clientId', 'person', true),
    col('contractId', 'contract', true),
    col('advisorId', 'person', true),
    col('amount', 'decimal', true),
    col('rate', 'decimal', true),
    col('status', 'enum', true),
    col('importBatchId', 'number'),
    col('createdAt', 'datetime'),
  ],
  ClientHistory: [
    col('createdAt', 'datetime', true),
    col('type', 'enum', true),
    col('actorType', 'enum', true),
    col('actor', 'text', true),
    col('ip', 'text', true),
    col('reason', 'text', true),
    col('changes', 'changes', true),
  ],
}

/**
 * A list's columns: the built-in ones above, then (clients) one per custom field in use, in the
 * fields' order, under its form name (`cf__<key>`); exported when the admin does not choose.
 */
export function exportColumnList(
  resource: ExportableResource,
  fields: readonly CustomFieldDefinition[],
): readonly ExportColumn[] {
  if (resource !== 'Client' || fields.length === 0) return EXPORT_COLUMNS[resource]
  return [
    ...EXPORT_COLUMNS.Client,
    ...fields.map((field) => ({
      key: customFieldName(field.key),
      kind: 'custom' as const,
      visible: true,
      field,
    })),
  ]
}

/** How a custom field's value is written in a cell: numbers and dates typed, the rest as text. */
export function customCellKind(field: CustomFieldDefinition): ExportCellKind {
  if (field.type === 'date') return 'date'
  if (field.type === 'money') return 'decimal'
  return isNumberType(field.type) ? 'number' : 'text'
}
