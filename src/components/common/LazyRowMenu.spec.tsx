/**
 * @jest-environment jsdom
 */
// A list row's "…" menu: its Show and Edit entries until the row is pointed at or focused, then all.
import { describe, test, expect } from '@jest/globals'
import React from 'react'
import { act, render } from '@testing-library/react'
import type { RecordJSON, ResourceJSON } from 'adminjs'
import LazyRowMenu from './LazyRowMenu.js'

const action = (name: string) => ({ name }) as RecordJSON['recordActions'][number]
const record = (id: number, names: string[]) =>
  ({ id: String(id), params: {}, recordActions: names.map(action), bulkActions: [] }) as unknown as RecordJSON
const resource = { id: 'Client' } as ResourceJSON

/** AdminJS's row as the override receives it: a row that lists the menu's entries it was given. */
const Original: React.FC<Record<string, unknown>> = (props) => {
  const { record: shown, resource: of } = props as { record: RecordJSON; resource: ResourceJSON }
  return (
    <table>
      <tbody>
        <tr data-id={shown.id} data-css={`${of.id}-table-row`}>
          <td>
            <a tabIndex={0} data-testid="actions-dropdown" />
            {shown.recordActions.map((a) => (
              <span key={a.name} data-testid={`action-${a.name}`} />
            ))}
          </td>
        </tr>
      </tbody>
    </table>
  )
}

const ALL = ['show', 'edit', 'statusMenu', 'suspend', 'ban', 'delete']
const entries = (root: HTMLElement, id: number) =>
  Array.from(root.querySelectorAll(`tr[data-id="${id}"] [data-testid^="action-"]`)).map((e) =>
    e.getAttribute('data-testid'),
  )

describe('LazyRowMenu', () => {
  test('a row holds Show and Edit until pointed at; that row then holds every entry, the others not', () => {
    const { container } = render(
      <>
        <LazyRowMenu OriginalComponent={Original} record={record(1, ALL)} resource={resource} />
        <LazyRowMenu OriginalComponent={Original} record={record(2, ALL)} resource={resource} />
      </>,
    )
    expect(entries(container, 1)).toEqual(['action-show', 'action-edit'])
    act(() => {
      container
        .querySelector('tr[data-id="1"] [data-testid=actions-dropdown]')!
        .dispatchEvent(new Event('pointerover', { bubbles: true }))
    })
    expect(entries(container, 1)).toEqual(ALL.map((name) => `action-${name}`))
    expect(entries(container, 2)).toEqual(['action-show', 'action-edit'])
  })

  test('focus by keyboard fills the menu too; a row with few actions, or none of Show and Edit, keeps a menu', () => {
    const { container } = render(
      <>
        <LazyRowMenu OriginalComponent={Original} record={record(3, ALL)} resource={resource} />
        <LazyRowMenu
          OriginalComponent={Original}
          record={record(4, ['edit', 'delete'])}
          resource={resource}
        />
        <LazyRowMenu
          OriginalComponent={Original}
          record={record(5, ['markPaid', 'delete', 'export'])}
          resource={resource}
        />
      </>,
    )
    expect(entries(container, 4)).toEqual(['action-edit', 'action-delete'])
    expect(entries(container, 5)).toEqual(['action-markPaid'])
    act(() => {
      ;(container.querySelector('tr[data-id="3"] [data-testid=actions-dropdown]') as HTMLElement).focus()
    })
    expect(entries(container, 3)).toHaveLength(ALL.length)
  })
})
