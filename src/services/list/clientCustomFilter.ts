import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { CustomField } from '../../entities/CustomField.js'
import type { CustomFilterItem } from '../../shared/customFields.js'
import { globEscape, likeEscape, prefixPattern } from '../core/sqlPatterns.js'
import { tableOf } from '../core/tableNames.js'
import { isMysqlFamily } from '../core/transaction.js'

// The client list's filters on custom fields (issue 28), `filters.customFields` read by
// shared/customFields.ts: each item one subquery on the values' (fieldId, column) index, the
// field found by its key (a field removed filters nothing).

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The typed column an item compares, and its condition on the alias `v`. */
function condition(
  item: CustomFilterItem,
  p: string,
  mysql: boolean,
): { sql: string; params: Record<string, unknown> } {
  switch (item.op) {
    case 'eq':
      return { sql: `v.textKey = :${p}`, params: { [p]: item.values[0].toLowerCase().slice(0, 191) } }
    case 'contains': {
      // Within the one value row of this client and field (the subquery's key): the text anywhere
      // in its lower-cased key, matched literally.
      const text = item.values[0].toLowerCase().slice(0, 191)
      return mysql
        ? { sql: `v.textKey LIKE :${p}`, params: { [p]: `%${likeEscape(text)}%` } }
        : { sql: `v.textKey GLOB :${p}`, params: { [p]: `*${globEscape(text)}*` } }
    }
    case 'yes':
    case 'no':
      return { sql: `v.numberValue = ${item.op === 'yes' ? 1 : 0}`, params: {} }
    case 'any':
    case 'all':
      return { sql: `v.textKey IN (:...${p})`, params: { [p]: item.values } }
    case 'range': {
      const [from, to] = item.values
      const column = DAY.test(from) || DAY.test(to) ? 'v.dateValue' : 'v.numberValue'
      const parts = [...(from ? [`${column} >= :${p}From`] : []), ...(to ? [`${column} <= :${p}To`] : [])]
      return {
        sql: parts.join(' AND '),
        params: { ...(from ? { [`${p}From`]: from } : {}), ...(to ? { [`${p}To`]: to } : {}) },
      }
    }
  }
}

export function applyCustomFilter(
  dataSource: DataSource,
  qb: SelectQueryBuilder<Client>,
  alias: string,
  items: CustomFilterItem[] | null,
  hideAdminOnly = false,
): void {
  const values = tableOf(dataSource, ClientCustomValue)
  const fields = tableOf(dataSource, CustomField)
  const key = dataSource.driver.escape('key')
  const mysql = isMysqlFamily(dataSource)
  items?.forEach((item, i) => {
    const p = `${alias}Cf${i}`
    const where = condition(item, p, mysql)
    // A field marked "admins only", for who may not see it, is as a removed one: no client
    // matches, so the list says nothing of its values.
    const visible = hideAdminOnly ? ` AND f.visibility = 'everyone'` : ''
    const field = `SELECT f.id FROM ${fields} f WHERE f.${key} = :${p}Key AND f.removedAt IS NULL${visible}`
    const sub = `FROM ${values} v WHERE v.clientId = ${alias}.id AND v.fieldId = (${field}) AND ${where.sql}`
    const params = { ...where.params, [`${p}Key`]: item.key }
    if (item.op === 'all')
      qb.andWhere(`(SELECT COUNT(DISTINCT v.textKey) ${sub}) = :${p}Count`, {
        ...params,
        [`${p}Count`]: item.values.length,
      })
    else qb.andWhere(`EXISTS (SELECT 1 ${sub})`, params)
  })
}

/**
 * The clients a searchable custom field's value starting with `text` belongs to, at most
 * `cap + 1` of them: looked up once before the list's queries (clientSearch.ts's
 * `contractClientsOf`; the list then asks `id IN (…)`, a range of the primary key that MariaDB
 * merges with the search's other indexes). `hideAdminOnly`: who may not see the fields marked
 * "admins only" finds nobody by them.
 */
export function customSearchClientsQuery(
  dataSource: DataSource,
  text: string,
  cap: number,
  hideAdminOnly = false,
): SelectQueryBuilder<ObjectLiteral> {
  const { sql, params } = customSearchCondition(dataSource, 'c', text, hideAdminOnly)
  const inner = sql.slice(sql.indexOf('(') + 1, -1)
  return dataSource
    .createQueryBuilder()
    .select('DISTINCT s.clientId', 'clientId')
    .from(`(${inner})`, 's')
    .setParameters(params)
    .limit(cap + 1)
}

/**
 * The search box on the custom fields marked searchable: the query, in lower case, a prefix of
 * one of their values (the (fieldId, textKey) index, per searchable field); with `hideAdminOnly`
 * the fields marked "admins only" are left out, as the filters leave them.
 */
export function customSearchCondition(
  dataSource: DataSource,
  alias: string,
  text: string,
  hideAdminOnly = false,
): { sql: string; params: Record<string, unknown> } {
  const visible = hideAdminOnly ? ` AND f.visibility = 'everyone'` : ''
  const mysql = isMysqlFamily(dataSource)
  const values = tableOf(dataSource, ClientCustomValue)
  const fields = tableOf(dataSource, CustomField)
  const op = mysql ? 'LIKE' : 'GLOB'
  return {
    sql: `${alias}.id IN (SELECT v.clientId FROM ${values} v INNER JOIN ${fields} f ON f.id = v.fieldId WHERE f.searchable = 1 AND f.removedAt IS NULL${visible} AND v.textKey ${op} :qCustom)`,
    params: { qCustom: prefixPattern(mysql, text.toLowerCase().slice(0, 191)) },
  }
}
