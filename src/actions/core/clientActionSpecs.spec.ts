import { applies } from './clientActionSpecs.js'

describe('applies (when a record action shows for a client)', () => {
  test('no condition: always', () => {
    expect(applies(undefined, {})).toBe(true)
    expect(applies({}, { status: 'banned' })).toBe(true)
  })

  test('status among, and status not among', () => {
    expect(applies({ status: ['active'] }, { status: 'active' })).toBe(true)
    expect(applies({ status: ['active'] }, { status: 'suspended' })).toBe(false)
    expect(applies({ status: ['suspended', 'banned'] }, { status: 'banned' })).toBe(true)
    expect(applies({ notStatus: ['deleted'] }, { status: 'deleted' })).toBe(false)
    expect(applies({ notStatus: ['deleted'] }, { status: 'pending' })).toBe(true)
    // A record without a status is in no list.
    expect(applies({ status: ['active'] }, {})).toBe(false)
    expect(applies({ notStatus: ['active'] }, {})).toBe(true)
  })

  test('properties set and not set', () => {
    expect(applies({ has: ['email'] }, { email: 'a@b.fr' })).toBe(true)
    expect(applies({ has: ['email'] }, { email: '' })).toBe(false)
    expect(applies({ has: ['email'] }, { email: null })).toBe(false)
    expect(applies({ hasNot: ['anonymisedAt'] }, { anonymisedAt: '2026-01-01' })).toBe(false)
    expect(applies({ hasNot: ['anonymisedAt'] }, { anonymisedAt: null })).toBe(true)
  })

  test('every condition must hold', () => {
    const when = { status: ['pending'], has: ['email'] }
    expect(applies(when, { status: 'pending', email: 'a@b.fr' })).toBe(true)
    expect(applies(when, { status: 'pending', email: null })).toBe(false)
    expect(applies(when, { status: 'active', email: 'a@b.fr' })).toBe(false)
  })
})
