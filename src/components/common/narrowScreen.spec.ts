/**
 * @jest-environment jsdom
 */
// The phone layout's cell names: our stacked tables (the client page's tabs, the dashboard's
// latest actions) are named as AdminJS's lists are; any other table is left alone.
import { describe, test, expect } from '@jest/globals'
import { labelTableCells, stackedRows } from './narrowScreen.js'

const table = (attributes: string) =>
  `<table ${attributes}><thead><tr><th>Date</th><th>Client</th><th></th></tr></thead>` +
  '<tbody><tr><td>1</td><td>Durand</td><td>…</td></tr><tr><td>2</td><td>Martin</td><td>…</td></tr></tbody></table>'

const labels = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(`${selector} tbody td`)).map((td) => td.getAttribute('data-label'))

describe('labelTableCells', () => {
  test('names the cells of a table marked with stackedRows by their headers, an empty header naming nothing', () => {
    const attribute = Object.keys(stackedRows)[0]
    document.body.innerHTML = `<div id="stacked">${table(attribute)}</div><div id="plain">${table('')}</div>`
    labelTableCells(document.body)
    expect(labels(document.body, '#stacked')).toEqual(['Date', 'Client', null, 'Date', 'Client', null])
    expect(labels(document.body, '#plain')).toEqual([null, null, null, null, null, null])
  })
})
