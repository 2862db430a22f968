import { PANEL_ORIGIN, PANEL_PASSWORD, type AppInstance } from './instances.js'

/** An admin's session on an instance, through the panel's HTTP API as a browser would call it. */
export interface PanelSession {
  cookie: string
  /** A bulk action on clients, POSTed as the panel's form; answers the AdminJS response body. */
  bulk(
    instance: AppInstance,
    action: string,
    ids: number[],
    payload?: Record<string, string>,
  ): Promise<{ status: number; body: { notice?: { message: string; type: string } } }>
  get(instance: AppInstance, pathname: string): Promise<Response>
}

export async function logIn(instance: AppInstance, email = 'admin@example.com'): Promise<PanelSession> {
  const res = await fetch(`${instance.base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PANEL_ORIGIN },
    body: new URLSearchParams({ email, password: PANEL_PASSWORD }),
    redirect: 'manual',
  })
  if (res.status !== 302 || res.headers.get('location') !== '/admin') {
    throw new Error(`login on ${instance.name} failed: ${res.status} ${res.headers.get('location') ?? ''}`)
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return sessionFor(cookie)
}

/** The same cookie used on any instance: sessions live in the database, no stickiness needed. */
export function sessionFor(cookie: string): PanelSession {
  return {
    cookie,
    async bulk(instance, action, ids, payload = {}) {
      const res = await fetch(
        `${instance.base}/admin/api/resources/Client/bulk/${action}?recordIds=${ids.join(',')}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: PANEL_ORIGIN,
            Cookie: cookie,
          },
          body: new URLSearchParams(payload),
          redirect: 'manual',
        },
      )
      const text = await res.text()
      let body: { notice?: { message: string; type: string } } = {}
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(
          `${action} on ${instance.name} answered ${res.status} without JSON: ${text.slice(0, 300)}`,
        )
      }
      return { status: res.status, body }
    },
    get: (instance, pathname) =>
      fetch(`${instance.base}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' }),
  }
}
