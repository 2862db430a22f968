import request from 'supertest'
import type { Express } from 'express'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** A browser on the demo's client area: keeps its cookies and posts each form with its page's token. */
export function clientAreaBrowser(app: Express) {
  const agent = request.agent(app)
  let csrf = ''
  const keep = (res: request.Response) => {
    csrf = csrfOf(res.text) || csrf
    return res
  }
  return {
    agent,
    get: async (path: string) => keep(await agent.get(path)),
    post: async (path: string, form: Record<string, string> = {}) =>
      keep(
        await agent
          .post(path)
          .type('form')
          .send({ _csrf: csrf, ...form }),
      ),
    /** Logs in with the login form; throws unless it lands on the account page. */
    async login(email: string, password: string) {
      await this.get('/account/login')
      const res = await this.post('/account/login', { email, password })
      if (res.status !== 303 || res.headers.location !== '/account') {
        throw new Error(`client-area login of ${email} failed: ${res.status} ${res.headers.location ?? ''}`)
      }
      return this
    },
  }
}

export type ClientAreaBrowser = ReturnType<typeof clientAreaBrowser>

/** A fetch-based browser for app instances in other processes: one cookie jar for every base URL. */
export function instanceBrowser() {
  const jar = new Map<string, string>()
  let csrf = ''
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const keep = async (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    const text = await res.text()
    csrf = csrfOf(text) || csrf
    return { status: res.status, location: res.headers.get('location'), text }
  }
  return {
    get: async (base: string, path: string) =>
      keep(await fetch(base + path, { headers: { cookie: cookie() }, redirect: 'manual' })),
    post: async (base: string, path: string, form: Record<string, string>, origin?: string) =>
      keep(
        await fetch(base + path, {
          method: 'POST',
          headers: {
            cookie: cookie(),
            'content-type': 'application/x-www-form-urlencoded',
            ...(origin ? { origin } : {}),
          },
          body: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
          redirect: 'manual',
        }),
      ),
  }
}
