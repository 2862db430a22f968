import { changeValueKind, readChangeField } from './historyChange.js'

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

describe('changeValueKind', () => {
  test.each([
    ['status', 'suspended', 'label'],
    ['locale', 'fr', 'label'],
    ['balance', '1331.58', 'money'],
    ['emailConfirmedAt', '2026-12-06T11:44:00.000Z', 'dateTime'],
    ['lastLoginAt', '2026-12-06 11:44:00', 'dateTime'],
    ['startDate', '2026-10-20', 'date'],
    ['active', true, 'boolean'],
    ['lastName', 'Leclerc', 'text'],
    ['phone', null, 'none'],
    ['email', '', 'none'],
  ])('%s = %p is %s', (property, value, kind) => {
    expect(changeValueKind(property, value)).toBe(kind)
  })
})
