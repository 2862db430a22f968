import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

export interface StubCard {
  id: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
}

/**
 * A small HTTP server on 127.0.0.1 answering the Stripe endpoints the plugin calls, as Stripe's
 * API does (JSON, `resource_missing` errors), and the official SDK pointed at it. `mode` makes it
 * fail (500) or hang, to check the tab's error states.
 */
export async function startStripeStub() {
  const customers = new Map<string, { defaultPaymentMethod: string | null; cards: StubCard[] }>()
  const calls: string[] = []
  let mode: 'ok' | 'fail' | 'hang' = 'ok'
  const sockets = new Set<import('node:net').Socket>()

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stub' })
    res.end(JSON.stringify(body))
  }
  const missing = (res: http.ServerResponse, what: string) =>
    send(res, 404, {
      error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` },
    })
  const card = (c: StubCard, customer: string | null) => ({
    id: c.id,
    object: 'payment_method',
    type: 'card',
    customer,
    card: { brand: c.brand, last4: c.last4, exp_month: c.exp_month, exp_year: c.exp_year },
  })

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    calls.push(`${req.method} ${url.pathname}`)
    if (mode === 'hang') return // never answers: the caller's timeout must act
    if (mode === 'fail') {
      return send(res, 500, { error: { type: 'api_error', message: 'Stripe is having a bad day' } })
    }
    const customerMatch = /^\/v1\/customers\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && customerMatch) {
      const customer = customers.get(customerMatch[1])
      if (!customer) return missing(res, `customer: '${customerMatch[1]}'`)
      return send(res, 200, {
        id: customerMatch[1],
        object: 'customer',
        invoice_settings: { default_payment_method: customer.defaultPaymentMethod },
      })
    }
    if (req.method === 'GET' && url.pathname === '/v1/payment_methods') {
      const id = url.searchParams.get('customer') ?? ''
      const customer = customers.get(id)
      if (!customer) return missing(res, `customer: '${id}'`)
      return send(res, 200, {
        object: 'list',
        url: '/v1/payment_methods',
        has_more: false,
        data: customer.cards.map((c) => card(c, id)),
      })
    }
    const detachMatch = /^\/v1\/payment_methods\/([^/]+)\/detach$/.exec(url.pathname)
    if (req.method === 'POST' && detachMatch) {
      for (const customer of customers.values()) {
        const found = customer.cards.find((c) => c.id === detachMatch[1])
        if (!found) continue
        customer.cards = customer.cards.filter((c) => c !== found)
        if (customer.defaultPaymentMethod === found.id) customer.defaultPaymentMethod = null
        return send(res, 200, card(found, null))
      }
      return missing(res, `PaymentMethod: '${detachMatch[1]}'`)
    }
    return send(res, 404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const stripe = new Stripe('sk_test_stub_key_for_tests', {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    timeout: 2000,
  })
  return {
    stripe,
    calls,
    customers,
    setMode(next: 'ok' | 'fail' | 'hang') {
      mode = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
