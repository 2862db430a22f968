import { isObject } from '../core/configError.js'

/** The parts of a Stripe client the plugin calls; pass `new Stripe(key)`. */
export interface StripeLike {
  customers: { retrieve: (...args: never[]) => unknown }
  paymentMethods: { list: (...args: never[]) => unknown; detach: (...args: never[]) => unknown }
}

/** The option of `createClientManagement` that the payments room reads. */
export interface PaymentOptionsInput {
  /** An official `stripe` client. Without it, the payment methods tab says Stripe is not configured. */
  stripe?: StripeLike
}

export function checkPaymentOptions(options: PaymentOptionsInput): string[] {
  if (options.stripe === undefined || options.stripe === null) return []
  const s = options.stripe as unknown as Record<string, Record<string, unknown> | undefined>
  if (!isObject(s) || !isObject(s.paymentMethods) || typeof s.paymentMethods.list !== 'function') {
    return ['stripe must be a client of the official stripe package (new Stripe(secretKey))']
  }
  return []
}

export const resolvePaymentOptions = (options: PaymentOptionsInput): { stripe: StripeLike | null } => ({
  stripe: options.stripe ?? null,
})
