import React, { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { RecordJSON, ResourceJSON } from 'adminjs'

type Props = Record<string, unknown> & {
  record: RecordJSON
  resource: ResourceJSON
  OriginalComponent?: React.ComponentType<Record<string, unknown>>
}

/**
 * AdminJS's list row (RecordInList, overridden once for the panel) with its "…" menu drawn when
 * the row is first pointed at, focused or touched: AdminJS draws every row's whole menu at once,
 * hidden (a client's has 14 entries, 24 icons: 147 of a row's 178 elements), and that drawing was
 * the larger part of the client list's first render. Until then a row's menu holds its Show and
 * Edit entries (the row's own click, and the menu's first entry, stay as they were).
 */

/** The actions a row's menu holds before it is asked for. */
const FIRST_ACTIONS = ['show', 'edit']

/** Rows asked for, by `<data-css of the row>:<record id>` (the row's own attributes). */
const asked = new Set<string>()
const listeners = new Set<() => void>()
let listening = false

const rowKey = (rowCss: string | null, id: string | null) => `${rowCss ?? ''}:${id ?? ''}`

function askFor(event: Event): void {
  const target = event.target as Element | null
  const row = typeof target?.closest === 'function' ? target.closest('tr[data-id]') : null
  if (!row) return
  const key = rowKey(row.getAttribute('data-css'), row.getAttribute('data-id'))
  if (asked.has(key)) return
  asked.add(key)
  listeners.forEach((listener) => listener())
}

/** One listener for the whole page, before the row's own handlers (capture). */
function listen(): void {
  if (listening) return
  listening = true
  for (const type of ['pointerover', 'focusin', 'touchstart', 'mousedown']) {
    document.addEventListener(type, askFor, { capture: true, passive: true })
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The record with only its first actions, or as it is when it has no more than those. */
function withFirstActions(record: RecordJSON): RecordJSON {
  const actions = record.recordActions ?? []
  if (actions.length <= FIRST_ACTIONS.length) return record
  const first = actions.filter((action) => FIRST_ACTIONS.includes(action.name))
  // A menu of one entry at least: the same dropdown, then filled, keeps its open state.
  return { ...record, recordActions: first.length ? first : actions.slice(0, 1) }
}

const LazyRowMenu: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  useEffect(listen, [])
  const key = rowKey(`${props.resource.id}-table-row`, String(props.record.id))
  const full = useSyncExternalStore(subscribe, () => asked.has(key))
  const record = useMemo(() => (full ? props.record : withFirstActions(props.record)), [full, props.record])
  return OriginalComponent ? <OriginalComponent {...props} record={record} /> : null
}

export default LazyRowMenu
