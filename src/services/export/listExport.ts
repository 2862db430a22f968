import type { DataSource } from 'typeorm'
import { translations } from '../../locale/index.js'
import type { Actor } from '../core/requestValues.js'
import { recordAudit } from '../core/adminAudit.js'
import { InvalidInputError } from '../core/errors.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import type { ClientList } from '../list/clientList.js'
import { readListQuery } from '../list/clientList.js'
import type { ClientTabs } from '../list/clientTabs.js'
import type { Cursor } from '../list/keyset.js'
import { readRecordListQuery, type RecordList } from '../list/recordList.js'
import { BOM, CsvWriter } from './csvWriter.js'
import { CLIENT_COLUMNS } from '../../shared/clientColumns.js'
import {
  customCellKind,
  exportColumnList,
  type ExportColumn,
  type ExportableResource,
} from '../../shared/exportColumns.js'
import {
  customFieldName,
  fieldLabel,
  valueText,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../shared/customFields.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { valuesOfClients } from '../customFields/customValues.js'
import { personCell, selectRecordColumns } from './selectRecordColumns.js'
import { withTagNames } from '../tags/tagsOfClients.js'

/** Rows per keyset page: memory stays that of one page, whatever the size of the list. */
const EXPORT_PAGE_SIZE = 1000

type Row = Record<string, unknown>
/**
 * One page of an export: its rows, where the next page starts, and what the rows still wait for
 * (the tags and custom values read beside the next page's query): written once it is done.
 */
type Page = { rows: Row[]; cursor: Cursor | null; complete?: Promise<unknown> }

/** What an export was asked for, checked: written in the audit trail as it is. */
export interface ExportRequest {
  resource: ExportableResource
  /** The list's parameters as the panel has them in its URL (`filters.status`, `sortBy`…), flat. */
  params: Record<string, unknown>
  /** Comma-separated column keys; empty or absent: the list's visible columns. */
  columns?: unknown
  language?: unknown
  /** ClientHistory: the client whose history it is. */
  clientId?: number
  /** Whether the admin sees the custom fields marked "admins only" (else they are no columns). */
  adminOnlyFields?: boolean
}

/** An export ready to stream: its file name, its header, and its pages one after another. */
export interface ExportPlan {
  resource: ExportableResource
  fileName: string
  language: Language
  columns: ExportColumn[]
  /** The query as read, for the audit trail. */
  details: Record<string, unknown>
  nextPage: (cursor: Cursor | null) => Promise<Page>
}

type Tree = Record<string, unknown>
const at = (tree: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree)

/**
 * Exports what a list shows, as CSV for Excel in the panel's language: the same query service as
 * the list (ClientList, RecordList, the history tab's), read in keyset pages and written as it
 * comes, so a list of any size costs the memory of one page. Every export leaves an `exported`
 * entry in the admin audit trail (who, when, which filters and columns, how many rows).
 */
export class ListExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: {
      clients: ClientList
      contracts: RecordList
      commissions: RecordList
      tabs: ClientTabs
    },
    private readonly defaultLanguage: Language,
    private readonly pageSize = EXPORT_PAGE_SIZE,
  ) {}

  /**
   * The columns an admin may choose, the visible ones marked: what the export form offers (the
   * clients': the custom fields in use this admin sees, after the built-in ones).
   */
  async columnsOf(resource: ExportableResource, adminOnlyFields = false): Promise<readonly ExportColumn[]> {
    if (resource !== 'Client') return exportColumnList(resource, [])
    const fields = await activeFields(this.dataSource)
    return exportColumnList(
      resource,
      adminOnlyFields ? fields : fields.filter((f) => f.visibility === 'everyone'),
    )
  }

  /**
   * Checks the request and prepares the export; only the custom fields' definitions are read. An
   * unknown column, filter or sort, or a bad value: `InvalidInputError` (field → message key),
   * before a byte is sent.
   */
  async plan(request: ExportRequest): Promise<ExportPlan> {
    const language = this.languageOf(request.language)
    const all = await this.columnsOf(request.resource, request.adminOnlyFields === true)
    const columns = this.chosenColumns(all, request.columns)
    const base = { resource: request.resource, language, columns }
    const stamp = new Date().toISOString().slice(0, 10)
    switch (request.resource) {
      case 'Client': {
        // The list reads its filters nested (`filters.q` → `{ filters: { q } }`), as AdminJS sends them.
        const filters = Object.fromEntries(
          Object.entries(request.params)
            .filter(([key]) => key.startsWith('filters.'))
            .map(([key, value]) => [key.slice('filters.'.length), value]),
        )
        const query = {
          ...readListQuery(
            { ...request.params, filters },
            {
              perPage: 1,
              maxPerPage: 1,
              sortBy: 'createdAt',
              direction: 'desc',
            },
            true,
          ),
          // A filter on a field marked "admins only" matches no client for who may not see it.
          adminOnlyFields: request.adminOnlyFields === true,
        }
        const wanted = columns
          .map((c) => c.key)
          .filter((key) => (CLIENT_COLUMNS as readonly string[]).includes(key))
        const counts = columns.some((c) => c.key === 'activeContracts')
        const custom = columns.flatMap((c) => (c.field ? [c.field] : []))
        return {
          ...base,
          fileName: `clients-${stamp}.csv`,
          details: this.details(request.params, columns, {
            sortBy: query.sortBy,
            direction: query.direction,
          }),
          // The tags and the custom values of a page's clients: one more query each per page (never
          // per row), read while the next page is (the next page needs only this one's cursor).
          nextPage: async (cursor) => {
            const page = await this.lists.clients.keysetRows(query, wanted, cursor, this.pageSize, {
              activeContracts: counts,
            })
            const complete = Promise.all([
              columns.some((c) => c.key === 'tags') ? withTagNames(this.dataSource, page.rows) : null,
              custom.length > 0 ? this.withCustomValues(page.rows, custom) : null,
            ])
            // Awaited by run() before the page is written; marked handled now, as the read ahead is.
            complete.catch(() => undefined)
            return { ...page, complete }
          },
        }
      }
      case 'Contract':
      case 'Commission': {
        const list = request.resource === 'Contract' ? this.lists.contracts : this.lists.commissions
        const query = readRecordListQuery(
          list.spec,
          request.params,
          {
            sortBy: request.resource === 'Contract' ? 'createdAt' : 'period',
            direction: 'desc',
            perPage: 1,
            maxPerPage: 1,
          },
          true,
        )
        return {
          ...base,
          fileName: `${request.resource === 'Contract' ? 'contracts' : 'commissions'}-${stamp}.csv`,
          details: this.details(request.params, columns, {
            sortBy: query.sortBy,
            direction: query.direction,
          }),
          nextPage: (cursor) =>
            list.keysetRows(query, (qb) => selectRecordColumns(qb, columns), cursor, this.pageSize),
        }
      }
      case 'ClientHistory': {
        const clientId = request.clientId as number
        return {
          ...base,
          fileName: `history-${clientId}-${stamp}.csv`,
          details: { clientId, columns: columns.map((c) => c.key), language },
          nextPage: async (cursor) => {
            const page = await this.lists.tabs.historyRows(clientId, cursor, this.pageSize)
            // The tab's query names its columns `v_type`…: the export reads them by key.
            const rows = page.rows.map((row) =>
              Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/^v_/, ''), v])),
            )
            return { rows, cursor: page.cursor }
          },
        }
      }
    }
  }

  /**
   * Streams the export to `write` (which should wait while the socket is full), then writes the
   * `exported` audit entry with the number of rows, also when the download broke off (`completed: false`).
   */
  async run(plan: ExportPlan, actor: Actor, write: (chunk: string) => Promise<void>): Promise<number> {
    const csv = new CsvWriter(plan.language)
    let rows = 0
    let completed = false
    let next: Promise<Page> | null = null
    try {
      await write(BOM + csv.header(plan.columns.map((c) => this.header(plan, c))))
      next = plan.nextPage(null)
      while (next) {
        const page: Page = await next
        // The next page is read while this one is completed and written, as a streamed query would
        // be: the database works while this process writes, and at most two pages are held at once.
        next = page.cursor ? plan.nextPage(page.cursor) : null
        // Awaited on the next turn; marked handled now, so a write that fails first leaves no rejection alone.
        next?.catch(() => undefined)
        await page.complete
        if (page.rows.length > 0) {
          await write(
            page.rows.map((row) => csv.line(plan.columns.map((c) => this.cell(plan, csv, c, row)))).join(''),
          )
        }
        rows += page.rows.length
      }
      completed = true
    } finally {
      // A page read ahead of a broken download ends (its tags and values too) before the audit entry is written.
      await next?.then((page) => page.complete).catch(() => undefined)
      await recordAudit(this.dataSource, actor, {
        action: 'exported',
        resourceId: plan.resource,
        rowCount: rows,
        details: { ...plan.details, completed },
      })
    }
    return rows
  }

  private languageOf(raw: unknown): Language {
    if (raw === undefined || raw === null || raw === '') return this.defaultLanguage
    if (typeof raw === 'string' && (LANGUAGES as readonly string[]).includes(raw)) return raw as Language
    throw new InvalidInputError({ lang: 'exportBadLanguage' })
  }

  /** Each row (with its `id`) given `cf__<key>`: its client's values of these fields, one query for the page. */
  private async withCustomValues(rows: Row[], fields: CustomFieldDefinition[]): Promise<void> {
    const values = await valuesOfClients(
      this.dataSource,
      rows.map((row) => Number(row.id)),
      fields,
    )
    for (const row of rows) {
      const own = values.get(Number(row.id)) ?? {}
      for (const field of fields) row[customFieldName(field.key)] = own[field.key] ?? null
    }
  }

  private chosenColumns(all: readonly ExportColumn[], raw: unknown): ExportColumn[] {
    if (raw === undefined || raw === null || raw === '') return all.filter((c) => c.visible)
    if (typeof raw !== 'string') throw new InvalidInputError({ columns: 'exportUnknownColumn' })
    const keys = raw.split(',').map((k) => k.trim())
    const unknown = keys.filter((key) => !all.some((c) => c.key === key))
    if (unknown.length > 0 || new Set(keys).size !== keys.length)
      throw new InvalidInputError({ columns: 'exportUnknownColumn' })
    return keys.map((key) => all.find((c) => c.key === key) as ExportColumn)
  }

  private details(params: Record<string, unknown>, columns: ExportColumn[], sort: Record<string, string>) {
    const filters = Object.fromEntries(Object.entries(params).filter(([key]) => key.startsWith('filters.')))
    return { filters, ...sort, columns: columns.map((c) => c.key) }
  }

  private labelsOf(plan: ExportPlan): string {
    return plan.resource === 'ClientHistory' ? 'ClientEvent' : plan.resource
  }

  private header(plan: ExportPlan, column: ExportColumn): string {
    if (column.field) return fieldLabel(column.field, plan.language)
    const resources = (translations[plan.language] as Tree).resources
    const label = at(resources, [this.labelsOf(plan), 'properties', column.key])
    return typeof label === 'string' ? label : column.key
  }

  private cell(plan: ExportPlan, csv: CsvWriter, column: ExportColumn, row: Row): string {
    const value = row[column.key]
    switch (column.kind) {
      case 'enum': {
        const resources = (translations[plan.language] as Tree).resources
        const label = at(resources, [this.labelsOf(plan), 'labels', column.key, String(value)])
        return csv.cell(typeof label === 'string' ? label : value, 'text')
      }
      case 'person':
        return csv.cell(personCell(row, column.key), 'text')
      case 'contract':
        return csv.cell(row.xk_reference ?? null, 'text')
      case 'custom': {
        // Numbers and dates typed; choices by their labels, yes/no in words, text neutralised.
        const field = column.field as CustomFieldDefinition
        const kind = customCellKind(field)
        if (kind !== 'text') return csv.cell(value, kind)
        return csv.cell(valueText(field, (value ?? null) as CustomValue, plan.language), 'text')
      }
      case 'changes': {
        // The names of the fields changed (values stay in the panel; secrets are masked there anyway).
        const changes = typeof value === 'string' ? (JSON.parse(value) as { field: string }[] | null) : value
        return csv.cell(Array.isArray(changes) ? changes.map((c) => c.field).join(', ') : null, 'text')
      }
      default:
        return csv.cell(value, column.kind)
    }
  }
}
