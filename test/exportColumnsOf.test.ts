import { exportColumnsOf } from '../src/components/export/exportColumnsOf.js'
import type { CustomFieldDefinition } from '../src/shared/customFields.js'
import { EXPORT_COLUMNS, type ExportableResource } from '../src/shared/exportColumns.js'
import { RESOURCE_PREFIX_ENV } from '../src/shared/resourceIds.js'

const withPrefix = (prefix: string | undefined) => {
  const env = prefix === undefined ? {} : { [RESOURCE_PREFIX_ENV]: prefix }
  ;(globalThis as { window?: unknown }).window = { AdminJS: { env } }
}

describe('the Export drawer finds its columns by the plugin resource, whatever the id prefix', () => {
  afterEach(() => delete (globalThis as { window?: unknown }).window)

  test('with resourceIdPrefix "Crm", CrmClient, CrmContract and CrmCommission offer their columns', () => {
    withPrefix('Crm')
    for (const name of ['Client', 'Contract', 'Commission']) {
      expect(exportColumnsOf(`Crm${name}`, false)).toEqual(EXPORT_COLUMNS[name as ExportableResource])
    }
    // An id without the prefix is not one of ours here; the history does not depend on the id.
    expect(exportColumnsOf('Client', false)).toEqual([])
    expect(exportColumnsOf('CrmClient', true).map((c) => c.key)).toContain('createdAt')
  })

  test('without a prefix the plain ids offer their columns, other resources none', () => {
    withPrefix(undefined)
    expect(exportColumnsOf('Client', false).length).toBeGreaterThan(0)
    expect(exportColumnsOf('EmailLog', false)).toEqual([])
    expect(exportColumnsOf('HostUser', false)).toEqual([])
  })

  test("the clients' list adds the custom fields given, ticked, after the built-in ones; no other list does", () => {
    withPrefix(undefined)
    const risk = { key: 'risk', type: 'choice', labelFr: 'Profil', labelEn: 'Risk' } as CustomFieldDefinition
    const columns = exportColumnsOf('Client', false, [risk])
    expect(columns.slice(0, EXPORT_COLUMNS.Client.length)).toEqual(EXPORT_COLUMNS.Client)
    expect(columns.slice(EXPORT_COLUMNS.Client.length)).toEqual([
      { key: 'cf__risk', kind: 'custom', visible: true, field: risk },
    ])
    expect(exportColumnsOf('Contract', false, [risk])).toEqual(EXPORT_COLUMNS.Contract)
    expect(exportColumnsOf('Client', true, [risk])).toEqual(EXPORT_COLUMNS.ClientHistory)
  })
})
