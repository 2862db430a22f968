import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import type { PluginLogger } from '../core/pluginLogger.js'
import type { StripeLike } from './paymentOptions.js'

/** A card as the client page shows it; nothing else of it is read, nothing of it is stored. */
export interface PaymentMethodView {
  id: string
  brand: string
  last4: string
  expMonth: number | null
  expYear: number | null
  isDefault: boolean
}

export type PaymentMethodsProblem = 'stripeUnavailable' | 'stripeError' | 'noCustomer'

export interface PaymentMethodsView {
  /** False when the host passed no Stripe client: the tab says so. */
  configured: boolean
  items: PaymentMethodView[]
  error?: PaymentMethodsProblem
}

interface StripeCard {
  id: string
  card?: { brand?: string; last4?: string; exp_month?: number; exp_year?: number } | null
}
interface StripeCustomer {
  deleted?: boolean
  invoice_settings?: { default_payment_method?: string | { id: string } | null } | null
}
/** The calls we make, with the shapes we read (the official SDK's are wider). */
interface StripeCalls {
  customers: { retrieve(id: string): Promise<StripeCustomer> }
  paymentMethods: {
    list(params: { customer: string; type: 'card'; limit: number }): Promise<{ data: StripeCard[] }>
    detach(id: string): Promise<unknown>
  }
}

class StripeTimeout extends Error {}

/** What went wrong, in the tab's words: Stripe unreachable or slow, Stripe refusing, or no such customer. */
function problemOf(error: unknown): PaymentMethodsProblem {
  if (error instanceof StripeTimeout) return 'stripeUnavailable'
  const e = error as { type?: string; code?: string; statusCode?: number }
  if (e?.code === 'resource_missing' || e?.statusCode === 404) return 'noCustomer'
  if (e?.type === 'StripeConnectionError' || e?.type === 'StripeAPIError' || (e?.statusCode ?? 0) >= 500) {
    return 'stripeUnavailable'
  }
  return 'stripeError'
}

/**
 * The client's payment methods, kept at Stripe: listed from its customer, detached there. Only
 * the Stripe customer id lives in our database; a detach leaves a history entry.
 */
export class PaymentMethods {
  private readonly stripe: StripeCalls | null

  constructor(
    private readonly dataSource: DataSource,
    stripe: StripeLike | null,
    private readonly logger: PluginLogger,
    /** Our own bound on a Stripe call, whatever the SDK's timeout and retries. */
    private readonly timeoutMs = 8000,
  ) {
    this.stripe = stripe as unknown as StripeCalls | null
  }

  get configured(): boolean {
    return this.stripe !== null
  }

  /** The client's cards (brand, last 4, expiry, default). Never throws for a Stripe problem: it is in `error`. */
  async list(clientId: number): Promise<PaymentMethodsView> {
    if (!this.stripe) return { configured: false, items: [] }
    const customer = await this.customerOf(clientId)
    if (!customer) return { configured: true, items: [], error: 'noCustomer' }
    try {
      return { configured: true, items: await this.fetch(customer) }
    } catch (error) {
      const problem = problemOf(error)
      if (problem !== 'noCustomer') {
        this.logger.warn('adminjs-clients: Stripe payment methods could not be listed', {
          clientId,
          error: error instanceof Error ? error.message : String(error),
        })
      }
      return { configured: true, items: [], error: problem }
    }
  }

  /**
   * Detaches one of the client's cards at Stripe and records `payment_method_detached`. A card
   * that is not this client's is refused as bad input; a Stripe problem is returned, not thrown.
   */
  async detach(
    actor: Actor,
    clientId: number,
    paymentMethodId: unknown,
  ): Promise<{ detached: PaymentMethodView | null; error?: PaymentMethodsProblem }> {
    if (!this.stripe) return { detached: null, error: 'stripeError' }
    const id = typeof paymentMethodId === 'string' ? paymentMethodId.trim() : ''
    if (!/^(pm|card|src)_[A-Za-z0-9]+$/.test(id))
      throw new InvalidInputError({ paymentMethodId: 'unknownRecord' })
    const customer = await this.customerOf(clientId)
    if (!customer) return { detached: null, error: 'noCustomer' }
    let card: PaymentMethodView | undefined
    try {
      card = (await this.fetch(customer)).find((m) => m.id === id)
      if (!card) throw new InvalidInputError({ paymentMethodId: 'unknownRecord' })
      await this.call(() => (this.stripe as StripeCalls).paymentMethods.detach(id))
    } catch (error) {
      if (error instanceof InvalidInputError) throw error
      this.logger.warn('adminjs-clients: Stripe payment method could not be detached', {
        clientId,
        paymentMethodId: id,
        error: error instanceof Error ? error.message : String(error),
      })
      return { detached: null, error: problemOf(error) }
    }
    const detached = card
    await inTransaction(this.dataSource, (manager) =>
      insertEvents(manager, [
        eventRow(actor, clientId, 'payment_method_detached', null, null, {
          paymentMethodId: detached.id,
          brand: detached.brand,
          last4: detached.last4,
        }),
      ]),
    )
    return { detached }
  }

  private async customerOf(clientId: number): Promise<string | null> {
    const client = Number.isInteger(clientId)
      ? await this.dataSource
          .getRepository(Client)
          .findOne({ where: { id: clientId }, select: ['id', 'stripeCustomerId'] })
      : null
    return client?.stripeCustomerId || null
  }

  private async fetch(customerId: string): Promise<PaymentMethodView[]> {
    const stripe = this.stripe as StripeCalls
    const [customer, methods] = await Promise.all([
      this.call(() => stripe.customers.retrieve(customerId)),
      this.call(() => stripe.paymentMethods.list({ customer: customerId, type: 'card', limit: 100 })),
    ])
    if (customer.deleted) throw Object.assign(new Error('customer deleted'), { code: 'resource_missing' })
    const preferred = customer.invoice_settings?.default_payment_method
    const defaultId = typeof preferred === 'string' ? preferred : (preferred?.id ?? null)
    return methods.data.map((m) => ({
      id: m.id,
      brand: m.card?.brand ?? 'unknown',
      last4: m.card?.last4 ?? '????',
      expMonth: m.card?.exp_month ?? null,
      expYear: m.card?.exp_year ?? null,
      isDefault: m.id === defaultId,
    }))
  }

  private call<T>(work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StripeTimeout('Stripe did not answer in time')), this.timeoutMs)
    })
    return Promise.race([work(), timeout]).finally(() => clearTimeout(timer))
  }
}
