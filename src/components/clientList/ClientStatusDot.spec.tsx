/**
 * @jest-environment jsdom
 */
// The list's status mark: an anonymised client's is named and colored so, whatever status it kept.
import { jest, describe, test, expect } from '@jest/globals'
import React from 'react'
import { render } from '@testing-library/react'
import type { BasePropertyProps, RecordJSON } from 'adminjs'

const text = (key: string, _resource?: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key
jest.unstable_mockModule('adminjs', () => ({
  useTranslation: () => ({ translateLabel: text, translateComponent: text }),
}))

const { default: ClientStatusDot } = await import('./ClientStatusDot.js')

const dotOf = (params: Record<string, unknown>) => {
  const props = { record: { params } as unknown as RecordJSON } as BasePropertyProps
  const { getByTestId } = render(<ClientStatusDot {...props} />)
  return getByTestId('status-dot')
}

describe('the list’s status mark', () => {
  test('an anonymised client: grey and named anonymised, not the status it kept, no reason to tap', () => {
    const dot = dotOf({ status: 'active', anonymisedAt: '2026-12-01T10:00:00.000Z', statusReason: 'x' })
    expect(dot.getAttribute('aria-label')).toBe(
      'ClientStatusDot.label {"status":"ClientStatusBadge.anonymised"}',
    )
    expect(dot.dataset.status).toBe('anonymised')
    expect(dot.style.background).toBe('rgb(108, 117, 125)')
    expect(dot.closest('button')).toBeNull()
  })

  test('any other client: its status, its color, its reason', () => {
    const dot = dotOf({ status: 'suspended', statusReason: 'Impayé' })
    expect(dot.getAttribute('aria-label')).toBe(
      'ClientStatusDot.withReason {"status":"status.suspended","reason":"Impayé"}',
    )
    expect(dot.dataset.status).toBe('suspended')
    expect(dot.closest('button')?.dataset.testid).toBe('reason-tip-toggle')
  })
})
