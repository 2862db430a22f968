import type { Request, Response } from 'express'
import { InvalidInputError, translateMessage, type AccountRefused, type Language } from '../src/index.js'
import type { ClientAreaGuard } from './clientAreaGuard.js'
import { CLIENT_AREA_TEXTS, type ClientAreaText } from './clientAreaTexts.js'

export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The plugin's own translation of a message key (refusals, field errors), as a host would use it. */
export const pluginMessage = (lang: Language, key: string): string => translateMessage(lang, key)

const fill = (text: string, values: Record<string, unknown> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name]))

/** What every page of the client area is drawn with: texts, form fields, refusals, the layout. */
export type ClientAreaPage = ReturnType<typeof clientAreaPage>

export function clientAreaPage(guard: ClientAreaGuard) {
  const lang = (req: Request): Language => req.accountLang ?? 'fr'
  const t = (req: Request, key: ClientAreaText, values?: Record<string, unknown>) =>
    fill(CLIENT_AREA_TEXTS[lang(req)][key], values)
  const ip = (req: Request) => req.ip ?? null
  const csrf = (req: Request) =>
    `<input type="hidden" name="_csrf" value="${escapeHtml(guard.csrfToken(req))}">`
  const field = (
    req: Request,
    name: string,
    label: ClientAreaText,
    type = 'text',
    value = '',
    error?: string,
  ) =>
    `<label>${t(req, label)}<input name="${name}" type="${type}" value="${escapeHtml(value)}"${
      type === 'password' ? ' autocomplete="off"' : ''
    }></label>${error ? `<p class="error" data-error="${name}">${escapeHtml(error)}</p>` : ''}`
  const fieldErrors = (req: Request, error: unknown): Record<string, string> =>
    error instanceof InvalidInputError
      ? Object.fromEntries(
          Object.entries(error.fields).map(([name, key]) => [name, pluginMessage(lang(req), key)]),
        )
      : {}
  const refusal = (req: Request, reason: string) =>
    `<p class="error" data-refusal="${escapeHtml(reason)}">${escapeHtml(pluginMessage(lang(req), `accounts.${reason}`))}</p>`

  /** While an admin is logged in as the client, every page says so, with the way back. */
  const impersonationBanner = (req: Request) => {
    const mark = req.session?.impersonation
    if (!mark) return ''
    return `<div class="impersonation" role="status" data-impersonation><p>${t(req, 'impersonationBanner', {
      name: mark.clientName,
      admin: mark.admin,
    })} — </p><form method="post" action="/account/impersonate/end">${csrf(req)}<button type="submit" class="link">${t(req, 'backToPanel')}</button></form></div>`
  }

  function render(req: Request, res: Response, page: string, body: string) {
    const other = lang(req) === 'fr' ? 'en' : 'fr'
    const flash = guard.takeFlash(req, res)
    res.type('html').send(`<!doctype html>
<html lang="${lang(req)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${t(req, 'title')}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0c1e29}
label{display:block;margin:.8rem 0}input,select{display:block;width:100%;padding:.4rem;margin-top:.2rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem;background:#3040d6;color:#fff;border:0;border-radius:4px;cursor:pointer}
.impersonation{background:#fff3bf;border:1px solid #e8a700;padding:.5rem 1rem;margin-bottom:1rem}
.impersonation p,.impersonation form{display:inline;margin:0}.impersonation button.link{background:none;color:#0b3d91;padding:0;margin:0;text-decoration:underline}
.error{color:#c20012}.notice{color:#007d7f}nav a{margin-right:1rem}code{background:#f2f2f2;padding:.1rem .3rem}
</style></head>
<body data-page="${page}">
${impersonationBanner(req)}<nav><a href="/account">${t(req, 'title')}</a><a href="?lang=${other}">${t(req, 'otherLanguage')}</a></nav>
${flash ? `<p class="notice" data-flash>${escapeHtml(flash)}</p>` : ''}
${body}
</body></html>`)
  }
  const redirectWith = (_req: Request, res: Response, to: string, flash: string) => {
    guard.setFlash(res, flash)
    res.redirect(303, to)
  }
  /** A limit reached: 429, the page again with the plugin's message, and when it lifts. */
  const limited = (req: Request, res: Response, page: string, error: AccountRefused, body: string) => {
    if (error.retryAfter)
      res.setHeader(
        'Retry-After',
        String(Math.max(1, Math.ceil((error.retryAfter.getTime() - Date.now()) / 1000))),
      )
    res.status(429)
    render(req, res, page, refusal(req, error.reason) + body)
  }
  return { guard, lang, t, ip, csrf, field, fieldErrors, refusal, render, redirectWith, limited }
}
