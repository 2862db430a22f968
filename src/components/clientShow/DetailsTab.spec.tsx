/**
 * @jest-environment jsdom
 */
// The Details tab's status: an anonymised client's says so, as its header does, not the status it kept.
import { jest, describe, test, expect } from '@jest/globals'
import React from 'react'
import { render as renderBare } from '@testing-library/react'
import { theme } from '@adminjs/design-system'
import * as styled from '@adminjs/design-system/styled-components'
import type { RecordJSON } from 'adminjs'

const text = (key: string, _resource?: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key
jest.unstable_mockModule('adminjs', () => ({
  ApiClient: class {
    recordAction = async () => ({ data: {} })
    resourceAction = async () => ({ data: {} })
  },
  useTranslation: () => ({
    translateProperty: text,
    translateLabel: text,
    translateComponent: text,
    i18n: { language: 'fr' },
  }),
  ViewHelpers: class {},
}))

const { default: DetailsTab } = await import('./DetailsTab.js')
const { ThemeProvider } = styled as unknown as {
  ThemeProvider: React.FC<{ theme: unknown; children?: React.ReactNode }>
}

const statusShown = (params: Record<string, unknown>) => {
  const record = { id: '1', params, populated: {} } as unknown as RecordJSON
  const { getByTestId } = renderBare(<DetailsTab record={record} language="fr" />, {
    wrapper: ({ children }) => <ThemeProvider theme={theme}>{children}</ThemeProvider>,
  })
  return getByTestId('detail-status').textContent
}

describe('the Details tab’s status', () => {
  test('anonymised, whatever status the client kept', () => {
    expect(statusShown({ status: 'active', anonymisedAt: '2026-12-01T10:00:00.000Z' })).toBe(
      'statusClientStatusBadge.anonymised',
    )
  })

  test('otherwise the status’s label', () => {
    expect(statusShown({ status: 'active' })).toBe('statusstatus.active')
  })
})
