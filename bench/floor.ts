import express, { type Router } from 'express'
import type { DataSource } from 'typeorm'
import { parseSearch } from '../src/shared/searchText.js'

/**
 * The floor: the best SQL we know for the same answers as the plugin's, hand-written, served as
 * JSON by bare Express routes (no AdminJS, no session). Same strategies as ours: deferred join
 * on the (order, id, status) index, index prefix search, exact count when filtered and the
 * MAX(id) estimate otherwise, one GROUP BY for the page's active contracts, advisors in one query,
 * and what a row of ours shows besides: the page's tags in one query and the values of the custom
 * fields the list shows (`fields`, the ids as the bench reads them) in one query.
 */
export function floorRouter(dataSource: DataSource): Router {
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params)
  const prefix = (column: string) => (mysql ? `${column} LIKE ?` : `${column} GLOB ?`)
  const value = (text: string) => (mysql ? `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : `${text}*`)
  const router = express.Router()
  router.use(express.json({ limit: '1mb' }))

  // The page's order on the outer query: the filter's alias (f) and the link's (a) become the client's.
  const outerOrder = (order: string) =>
    order
      .replace(/\bf\./g, 'c.')
      .replace(/\ba\.clientId\b/g, 'c.id')
      .replace(/\ba\./g, 'c.')

  /** The custom fields whose values a page carries: `?fields=1,2,3` (none when absent). */
  const fieldsOf = (query: Record<string, unknown>): number[] =>
    String(query.fields ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number)

  async function page(
    where: string,
    params: unknown[],
    order: string,
    offset: number,
    perPage: number,
    hint = '',
    fieldIds: number[] = [],
  ) {
    const rows: Record<string, unknown>[] = await q(
      `SELECT c.* FROM clients c JOIN (SELECT f.id FROM clients f ${hint} WHERE ${where} ORDER BY ${order} LIMIT ${perPage} OFFSET ${offset}) p ON p.id = c.id ORDER BY ${outerOrder(order)}`,
      params,
    )
    const ids = rows.map((r) => r.id)
    const marks = ids.map(() => '?').join(',')
    const [counts, advisors, tags, values] = ids.length
      ? await Promise.all([
          q(
            `SELECT clientId, COUNT(*) AS n FROM contracts WHERE clientId IN (${marks}) AND status = 'active' GROUP BY clientId`,
            ids,
          ),
          q(
            `SELECT id, code, lastName, firstName FROM advisors WHERE id IN (${[...new Set(rows.map((r) => r.advisorId).filter(Boolean))].map(() => '?').join(',') || 'NULL'})`,
            [...new Set(rows.map((r) => r.advisorId).filter(Boolean))],
          ),
          // The page's tags (the chips of a row), by name.
          q(
            `SELECT ct.clientId, t.id, t.name, t.colour FROM client_tags ct JOIN tags t ON t.id = ct.tagId WHERE ct.clientId IN (${marks}) ORDER BY t.nameKey`,
            ids,
          ),
          // The page's values of the custom columns.
          fieldIds.length
            ? q(
                `SELECT * FROM client_custom_values WHERE clientId IN (${marks}) AND fieldId IN (${fieldIds.map(() => '?').join(',')}) ORDER BY clientId, fieldId, ordinal`,
                [...ids, ...fieldIds],
              )
            : [],
        ])
      : [[], [], [], []]
    const active = new Map(
      (counts as { clientId: number; n: number }[]).map((r) => [Number(r.clientId), Number(r.n)]),
    )
    const byId = new Map((advisors as { id: number }[]).map((a) => [a.id, a]))
    const grouped = (list: Record<string, unknown>[]) => {
      const byClient = new Map<number, Record<string, unknown>[]>()
      for (const row of list) {
        const id = Number(row.clientId)
        const own = byClient.get(id)
        if (own) own.push(row)
        else byClient.set(id, [row])
      }
      return byClient
    }
    const tagsOf = grouped(tags as Record<string, unknown>[])
    const valuesOf = grouped(values as Record<string, unknown>[])
    return rows.map((r) => {
      const { passwordHash: _p, twoFactorSecret: _t, ...safe } = r
      return {
        ...safe,
        activeContracts: active.get(Number(r.id)) ?? 0,
        advisor: byId.get(r.advisorId as number) ?? null,
        tags: tagsOf.get(Number(r.id)) ?? [],
        custom: valuesOf.get(Number(r.id)) ?? [],
      }
    })
  }

  // The same estimate as ours.
  const estimated = () =>
    q(
      `SELECT (SELECT MAX(id) FROM clients) - (SELECT COUNT(*) FROM clients WHERE status = 'deleted') AS total`,
    )

  router.get('/list', async (req, res) => {
    const perPage = Number(req.query.perPage ?? 20)
    const offset = (Number(req.query.page ?? 1) - 1) * perPage
    const hint = mysql ? 'USE INDEX (IDX_clients_lastName_id_status)' : ''
    const [records, [total]] = await Promise.all([
      page(
        `f.status <> 'deleted'`,
        [],
        'f.lastName ASC, f.id ASC',
        offset,
        perPage,
        hint,
        fieldsOf(req.query),
      ),
      estimated(),
    ])
    res.json({ records, total: Number(total.total) })
  })

  router.get('/search', async (req, res) => {
    const raw = String(req.query.q ?? '').trim()
    const phrase = raw
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
    // A phone, a domain, a contract reference: the same reading of the query as ours (parsing, not SQL).
    const parsed = parseSearch(raw)
    const terms = [
      prefix('f.searchName'),
      prefix('f.searchNameReversed'),
      prefix('f.searchNameTail'),
      prefix('f.email'),
      prefix('f.clientNumber'),
    ]
    const params: unknown[] = [
      value(phrase),
      value(phrase),
      value(phrase),
      value(raw.toLowerCase()),
      value(raw.toUpperCase()),
    ]
    if (parsed?.phone) {
      terms.push(prefix('f.searchPhone'))
      params.push(value(parsed.phone))
    }
    if (parsed?.domain) {
      terms.push(prefix('f.searchEmailDomain'))
      params.push(value(parsed.domain))
    }
    if (parsed?.reference) {
      const forms = mysql
        ? [parsed.reference]
        : [...new Set([parsed.reference, parsed.reference.toUpperCase()])]
      const owners: { clientId: number }[] = await q(
        `SELECT DISTINCT clientId FROM contracts WHERE (${forms.map(() => prefix('reference')).join(' OR ')}) AND clientId IS NOT NULL LIMIT 201`,
        forms.map(value),
      )
      if (owners.length) {
        terms.push(`f.id IN (${owners.map(() => '?').join(',')})`)
        params.push(...owners.map((o) => o.clientId))
      }
    }
    const where = `f.status <> 'deleted' AND (${terms.join(' OR ')})`
    const order = `CASE WHEN f.clientNumber = ? OR f.email = ? THEN 0 ELSE 1 END, f.lastName ASC, f.id ASC`
    const orderParams = [raw.toUpperCase(), raw.toLowerCase()]
    const [records, [total]] = await Promise.all([
      page(where, [...params, ...orderParams, ...orderParams], order, 0, 20, '', fieldsOf(req.query)),
      q(`SELECT COUNT(*) AS total FROM clients f WHERE ${where}`, params),
    ])
    res.json({ records, total: Number(total.total) })
  })

  // The clients of an advisor (referent or any contract's) from client_advisors: the page is the
  // first entries of one range of its (advisorId, clientDeleted, lastName, clientId) index, the
  // total the length of that range.
  router.get('/advisor', async (req, res) => {
    const advisorId = Number(req.query.advisorId)
    const link = `JOIN client_advisors a ON a.clientId = f.id AND a.advisorId = ? AND a.clientDeleted = 0`
    const [records, [total]] = await Promise.all([
      page(
        `f.status <> 'deleted'`,
        [advisorId],
        'a.lastName ASC, a.clientId ASC',
        0,
        20,
        link,
        fieldsOf(req.query),
      ),
      q(`SELECT COUNT(*) AS total FROM client_advisors WHERE advisorId = ? AND clientDeleted = 0`, [
        advisorId,
      ]),
    ])
    res.json({ records, total: Number(total.total) })
  })

  // Five custom columns and a filter on one (a choice): the clients holding the value by the
  // (fieldId, textKey) index, the page on the lastName index, the page's values in one query
  // (`fields`: the columns shown, `filtered`: the field filtered on).
  router.get('/custom', async (req, res) => {
    const fieldIds = fieldsOf(req.query)
    const filtered = Number(req.query.filtered)
    const value = String(req.query.value)
    const held = `EXISTS (SELECT 1 FROM client_custom_values v WHERE v.clientId = f.id AND v.fieldId = ? AND v.textKey = ?)`
    const hint = mysql ? 'USE INDEX (IDX_clients_lastName_id_status)' : ''
    const [records, [total]] = await Promise.all([
      page(
        `f.status <> 'deleted' AND ${held}`,
        [filtered, value],
        'f.lastName ASC, f.id ASC',
        0,
        20,
        hint,
        fieldIds,
      ),
      q(`SELECT COUNT(*) AS total FROM clients f WHERE f.status <> 'deleted' AND ${held}`, [filtered, value]),
    ])
    res.json({ records, total: Number(total.total) })
  })

  router.get('/client/:id', async (req, res) => {
    const [client] = await q(`SELECT * FROM clients WHERE id = ?`, [Number(req.params.id)])
    const [advisor] = client?.advisorId
      ? await q(`SELECT id, code, lastName, firstName FROM advisors WHERE id = ?`, [client.advisorId])
      : [null]
    const { passwordHash: _p, twoFactorSecret: _t, ...safe } = client ?? {}
    res.json({ record: { ...safe, advisor } })
  })

  // The same change as the plugin's bulk suspend: one transaction, one UPDATE, one multi-row INSERT.
  router.post('/suspend', async (req, res) => {
    const ids: number[] = req.body.ids
    const reason = String(req.body.reason)
    await dataSource.transaction(async (manager) => {
      const marks = ids.map(() => '?').join(',')
      const rows: { id: number; status: string }[] = await manager.query(
        `SELECT id, status FROM clients WHERE id IN (${marks}) AND status = 'active'${mysql ? ' FOR UPDATE' : ''}`,
        ids,
      )
      const eligible = rows.map((r) => r.id)
      if (eligible.length === 0) return
      const eligibleMarks = eligible.map(() => '?').join(',')
      await manager.query(
        `UPDATE clients SET status = 'suspended', statusReason = ?, version = version + 1 WHERE id IN (${eligibleMarks}) AND status = 'active'`,
        [reason, ...eligible],
      )
      await manager.query(
        `INSERT INTO client_events (clientId, type, actorType, actor, ip, reason, changes) VALUES ${eligible.map(() => `(?, 'suspended', 'admin', ?, ?, ?, ?)`).join(',')}`,
        eligible.flatMap((id) => [
          id,
          'admin@example.com',
          '127.0.0.1',
          reason,
          JSON.stringify([{ field: 'status', from: 'active', to: 'suspended' }]),
        ]),
      )
    })
    res.json({ ok: true })
  })
  return router
}
