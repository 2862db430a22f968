import { readChangeField } from './historyChange.js'

describe('readChangeField', () => {
  test.each([
    ['status', { resource: 'Client', property: 'status' }],
    ['contract 110 status', { resource: 'Contract', property: 'status', contractId: '110' }],
    ['contract 7 advisorId', { resource: 'Contract', property: 'advisorId', contractId: '7' }],
    ['contract x status', { resource: 'Client', property: 'contract x status' }],
  ])('%p', (field, expected) => {
    expect(readChangeField(field)).toEqual(expected)
  })
})
