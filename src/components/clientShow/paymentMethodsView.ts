// What the payment methods tab shows for an answer of the `paymentMethods` action (or for a failed
// request): plain logic, unit-tested in test/clientScreens.test.ts.

export interface PaymentMethodItem {
  id: string
  brand: string
  last4: string
  expMonth: number
  expYear: number
  isDefault: boolean
}

/** The answer of `GET …/records/:id/paymentMethods`. */
export interface PaymentMethodsAnswer {
  paymentMethods?: {
    configured: boolean
    items: PaymentMethodItem[]
    error?: 'stripeUnavailable' | 'stripeError' | 'noCustomer'
  }
  canDetach?: boolean
}

export interface CardRow {
  id: string
  brand: string
  last4: string
  number: string
  expiry: string
  isDefault: boolean
}

export type PaymentMethodsView =
  | { state: 'notConfigured' | 'noCustomer' | 'empty'; message: string }
  | { state: 'error'; message: 'failed' | 'stripeUnavailable' | 'stripeError' }
  | { state: 'list'; items: CardRow[]; canDetach: boolean }

const brandName = (brand: string) =>
  brand === 'amex' ? 'American Express' : brand.charAt(0).toUpperCase() + brand.slice(1)

/** `null` is a request that failed (network, HTTP error, an action that does not exist yet). */
export function paymentMethodsView(answer: PaymentMethodsAnswer | null): PaymentMethodsView {
  const methods = answer?.paymentMethods
  if (!methods || typeof methods !== 'object') return { state: 'error', message: 'failed' }
  if (!methods.configured) return { state: 'notConfigured', message: 'notConfigured' }
  if (methods.error === 'noCustomer') return { state: 'noCustomer', message: 'noCustomer' }
  if (methods.error === 'stripeUnavailable' || methods.error === 'stripeError') {
    return { state: 'error', message: methods.error }
  }
  if (!Array.isArray(methods.items)) return { state: 'error', message: 'failed' }
  if (methods.items.length === 0) return { state: 'empty', message: 'empty' }
  return {
    state: 'list',
    canDetach: answer?.canDetach === true,
    items: methods.items.map((m) => ({
      id: m.id,
      brand: brandName(String(m.brand ?? '')),
      last4: String(m.last4 ?? ''),
      number: `•••• ${m.last4}`,
      expiry: `${String(m.expMonth).padStart(2, '0')}/${m.expYear}`,
      isDefault: Boolean(m.isDefault),
    })),
  }
}
