// Written out on purpose, not imported from src/shared/resourceIds.ts: a renamed id must fail the tests.
/** The resource ids the plugin promises to hosts (they appear in URLs and in role maps). */
export const RESOURCE_IDS = [
  'Client',
  'Advisor',
  'Contract',
  'Commission',
  'ClientEvent',
  'EmailLog',
  'ClientNote',
  'ImportBatch',
  'SecuritySettings',
  'AdminAuditEntry',
  'EmailTemplate',
  'Tag',
  'CustomField',
  'Campaign',
]

/** The entity behind a resource id, where their names differ. */
export const RESOURCE_ENTITIES: Record<string, string> = { SecuritySettings: 'SettingsChange' }
