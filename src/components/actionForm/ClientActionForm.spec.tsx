/**
 * @jest-environment jsdom
 */
// The action forms drawn from their input schemas (src/shared/actionInputs/): the fields, a field
// error, the payload posted, the previews. AdminJS's client side is replaced by a stand-in that
// records the POSTs and answers what the test says.
import { jest, describe, test, expect, beforeEach } from '@jest/globals'
import React from 'react'
import { act, fireEvent, render as renderBare, waitFor } from '@testing-library/react'
import { theme } from '@adminjs/design-system'
import * as styled from '@adminjs/design-system/styled-components'
import type { ActionProps, RecordJSON } from 'adminjs'

type Answer = { data: Record<string, unknown> }
const posted: { actionName: string; data: Record<string, string> }[] = []
let answer: Answer = { data: {} }
const post = async (request: { actionName: string; data?: FormData }) => {
  if (request.actionName === 'messageTemplates' || request.actionName === 'activeContracts')
    return { data: {} }
  const data: Record<string, string> = {}
  request.data?.forEach((value, key) => (data[key] = String(value)))
  posted.push({ actionName: request.actionName, data })
  return answer
}
const handled: Answer[] = []
const text = (key: string, _resource?: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key

jest.unstable_mockModule('adminjs', () => ({
  ApiClient: class {
    recordAction = post
    bulkAction = post
    resourceAction = post
  },
  useTranslation: () => ({
    translateMessage: text,
    translateProperty: text,
    translateLabel: text,
    translateComponent: text,
    translateAction: text,
    i18n: { exists: () => false, language: 'en' },
  }),
  useActionResponseHandler: () => (response: Answer) => handled.push(response),
  ViewHelpers: class {},
}))
jest.unstable_mockModule('react-router', () => ({
  useLocation: () => ({}),
  useNavigate: () => () => undefined,
}))

const { default: ClientActionForm } = await import('./ClientActionForm.js')

// The panel's theme, as AdminJS's app gives it to every component (styled-components' provider,
// re-exported by the design system; its types there do not name it).
const { ThemeProvider } = styled as unknown as {
  ThemeProvider: React.FC<{ theme: unknown; children?: React.ReactNode }>
}
const render = (element: React.ReactElement) =>
  renderBare(element, { wrapper: ({ children }) => <ThemeProvider theme={theme}>{children}</ThemeProvider> })

const record = (params: Record<string, unknown>) =>
  ({ id: '41', params, errors: {} }) as unknown as RecordJSON
const props = (name: string, extra: Partial<ActionProps>) =>
  ({
    action: { name, label: name, icon: 'Check', variant: 'default' },
    resource: { id: 'Client' },
    ...extra,
  }) as unknown as ActionProps

const field = (container: HTMLElement, name: string) =>
  container.querySelector(`[name="${name}"]`) as HTMLInputElement | null

beforeEach(() => {
  posted.length = 0
  handled.length = 0
  answer = { data: {} }
})

describe('a form drawn from its input schema', () => {
  test('bulk suspend: the reason (required), the contracts and notify checkboxes; the hidden ids not drawn', () => {
    const { container, getByText } = render(
      <ClientActionForm {...props('bulkSuspend', { records: [record({ clientNumber: 'C-1' })] })} />,
    )
    expect(field(container, 'reason')?.tagName).toBe('TEXTAREA')
    expect(field(container, 'reason')?.maxLength).toBe(1000)
    expect(field(container, 'contracts')?.type).toBe('checkbox')
    expect(field(container, 'notify')?.type).toBe('checkbox')
    expect(field(container, 'contractIds')).toBeNull()
    expect(getByText('forms.suspend.reason')).toBeTruthy()
  })

  test('posts what was typed and ticked, and shows the field error the action answers with', async () => {
    answer = { data: { record: { errors: { reason: { message: 'tooLong' } } } } }
    const { container, getByTestId, findByText } = render(
      <ClientActionForm {...props('bulkSuspend', { records: [record({ clientNumber: 'C-1' })] })} />,
    )
    fireEvent.change(field(container, 'reason') as HTMLElement, { target: { value: 'Unpaid' } })
    fireEvent.click(field(container, 'notify') as HTMLElement)
    await act(async () => void fireEvent.submit(getByTestId('client-action-bulkSuspend')))
    expect(posted).toEqual([
      { actionName: 'bulkSuspend', data: { reason: 'Unpaid', contracts: 'false', notify: 'true' } },
    ])
    expect(await findByText('tooLong')).toBeTruthy()
    expect(handled).toHaveLength(1)
  })

  test('a contract status: a select of the schema’s values', () => {
    const { container } = render(
      <ClientActionForm {...props('bulkChangeStatus', { records: [record({})] })} />,
    )
    const select = field(container, 'status') as unknown as HTMLSelectElement
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'active', 'suspended', 'terminated'])
  })

  test('no input: a confirmation, nothing but its button', async () => {
    const { container, getByTestId } = render(
      <ClientActionForm {...props('forceConfirm', { record: record({ status: 'pending' }) })} />,
    )
    expect(container.querySelectorAll('input, textarea, select')).toHaveLength(0)
    await act(async () => void fireEvent.submit(getByTestId('client-action-forceConfirm')))
    expect(posted).toEqual([{ actionName: 'forceConfirm', data: {} }])
  })
})

describe('the previews', () => {
  test('an email: the subject and body as typed', async () => {
    const { container, getByTestId } = render(
      <ClientActionForm {...props('sendEmail', { record: record({ email: 'a@example.com' }) })} />,
    )
    expect(getByTestId('email-preview').textContent).toContain('ActionFormExtras.previewEmpty')
    fireEvent.change(field(container, 'subject') as HTMLElement, { target: { value: 'Your contract' } })
    fireEvent.change(field(container, 'body') as HTMLElement, { target: { value: 'Hello' } })
    expect(getByTestId('email-preview').textContent).toContain('Your contract')
    expect(getByTestId('email-preview').textContent).toContain('Hello')
    await waitFor(() => expect(getByTestId('write-from')).toBeTruthy())
  })

  test('an email: the client’s merge fields read as the client will read them', () => {
    const { container, getByTestId } = render(
      <ClientActionForm
        {...props('sendEmail', {
          record: record({ firstName: 'Léa', lastName: 'Martin', clientNumber: 'C-7' }),
        })}
      />,
    )
    fireEvent.change(field(container, 'subject') as HTMLElement, {
      target: { value: 'Dossier {{ clientNumber }}' },
    })
    fireEvent.change(field(container, 'body') as HTMLElement, {
      target: { value: 'Bonjour {{fullName}}, {{unknownField}}' },
    })
    const preview = getByTestId('email-preview').textContent
    expect(preview).toContain('Dossier C-7')
    expect(preview).toContain('Bonjour Léa Martin, {{unknownField}}')
  })

  test('a balance: the one after the amount typed, or that it cannot be read', () => {
    const { container, getByTestId } = render(
      <ClientActionForm {...props('adjustBalance', { record: record({ balance: '10.00' }) })} />,
    )
    fireEvent.change(field(container, 'amount') as HTMLElement, { target: { value: '12,50' } })
    expect(getByTestId('balance-after').textContent).toContain('22.50')
    fireEvent.change(field(container, 'amount') as HTMLElement, { target: { value: 'twelve' } })
    expect(getByTestId('balance-after').textContent).toBe('ActionFormExtras.amountUnreadable')
  })

  test('a password: the strength meter follows what is typed', () => {
    const { container, getByTestId } = render(
      <ClientActionForm {...props('changePassword', { record: record({}) })} />,
    )
    expect(getByTestId('password-strength').dataset.level).toBe('empty')
    fireEvent.change(field(container, 'password') as HTMLElement, {
      target: { value: 'Tr0ub4dor&3-horse-Staple' },
    })
    expect(getByTestId('password-strength').dataset.level).toBe('strong')
  })

  test('a password: a confirmation that differs is flagged as it is typed, and no more once it matches', () => {
    const { container } = render(<ClientActionForm {...props('changePassword', { record: record({}) })} />)
    fireEvent.change(field(container, 'password') as HTMLElement, { target: { value: 'Tr0ub4dor&3-horse' } })
    fireEvent.change(field(container, 'passwordConfirmation') as HTMLElement, { target: { value: 'Tr0ub' } })
    expect(container.textContent).toContain('passwordsDiffer')
    fireEvent.change(field(container, 'passwordConfirmation') as HTMLElement, {
      target: { value: 'Tr0ub4dor&3-horse' },
    })
    expect(container.textContent).not.toContain('passwordsDiffer')
  })
})
