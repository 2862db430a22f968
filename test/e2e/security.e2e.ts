// Findings 2, 3 and 9 as an attacker would try them: a page on another port of the same host
// (same site, so the admin's SameSite=Lax cookie goes along) posts to the panel.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, ClientEvent } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { DEMO_PASSWORD, seededDemo } from '../support/demoAgent.js'
import { describeInBrowser, logInToPanel, openBrowser, type BrowserSession } from './browser.js'

describeInBrowser('a same-site page on another port cannot act for the admin (Chromium)', () => {
  let db: TestDatabase
  let session: BrowserSession
  let page: Page
  let attacker: http.Server
  let evil: string
  let canaryDir: string
  let canary: string
  let victim: Client
  const pages = new Map<string, string>()

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null })
    session = await openBrowser(demo.app)
    page = session.page
    await logInToPanel(page, session.origin)
    victim = await db.dataSource
      .getRepository(Client)
      .findOneOrFail({ where: { status: 'active' }, order: { id: 'ASC' } })
    canaryDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-canary-'))
    canary = path.join(canaryDir, 'canary.csv')
    await writeFile(canary, 'secret;data\nline;two\n')
    attacker = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html')
      res.end(pages.get(req.url ?? '') ?? 'nothing')
    })
    attacker.listen(0, '127.0.0.1')
    await new Promise((resolve) => attacker.once('listening', resolve))
    evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await session?.close()
    await new Promise((resolve) => attacker?.close(resolve))
    await db?.dispose()
    await rm(canaryDir, { recursive: true, force: true })
  })

  const panel = () => `${session.origin}/admin`
  const events = () => db.dataSource.getRepository(ClientEvent).countBy({ clientId: victim.id })
  const visit = async (name: string, html: string) => {
    pages.set(`/${name}`, html)
    await page.goto(`${evil}/${name}`)
    // A page that submits a form or follows a link: until the browser is on the panel's answer.
    if (/\.(submit|click)\(\)/.test(html)) await page.waitForURL((url) => url.href.startsWith(panel()))
    await page.waitForLoadState('load')
  }
  const stillAdmin = async () => {
    await page.goto(`${panel()}/api/resources/SecuritySettings/actions/list`)
    return page.evaluate(() => document.body.innerText)
  }

  test('an auto-submitted form (suspend, balance) changes nothing', async () => {
    const before = await events()
    const api = `${panel()}/api/resources/Client/records/${victim.id}`
    await visit(
      'suspend',
      `<form id=f method=post action="${api}/suspend"><input name=reason value=csrf></form><script>f.submit()</script>`,
    )
    expect(await page.evaluate(() => document.body.innerText)).toContain('crossOriginRefused')
    await visit(
      'balance',
      `<form id=f method=post action="${api}/adjustBalance"><input name=amount value=5000><input name=reason value=csrf></form><script>f.submit()</script>`,
    )
    const after = await db.dataSource.getRepository(Client).findOneByOrFail({ id: victim.id })
    expect(after.status).toBe('active')
    expect(after.balance).toBe(victim.balance)
    expect(await events()).toBe(before)
  })

  test('a no-cors fetch with a text/plain "json" body cannot make the import read or delete a server file', async () => {
    await visit('import', '<p>import</p>')
    await page.evaluate(
      ({ url, file }) =>
        fetch(url, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain;charset=json' },
          body: JSON.stringify({ step: 'upload', file: { path: file, name: 'x.csv', size: 1 } }),
        }).catch(() => null),
      { url: `${panel()}/api/resources/Commission/actions/importCommissions`, file: canary },
    )
    // A grace for a server that would act after answering: the check is that nothing happens.
    await page.waitForTimeout(500)
    expect(existsSync(canary)).toBe(true)
  })

  test('a cross-site login form does not switch the browser to another account', async () => {
    await visit(
      'login',
      `<form id=f method=post action="${panel()}/login"><input name=email value="support@example.com"><input name=password value="${DEMO_PASSWORD}"></form><script>f.submit()</script>`,
    )
    // Still the admin: support may not read the security settings.
    expect(await stillAdmin()).toContain('"records"')
  })

  test('a logout link or image elsewhere does not end the session', async () => {
    await visit(
      'logout',
      `<img src="${panel()}/logout"><a id=a href="${panel()}/logout">x</a><script>a.click()</script>`,
    )
    expect(await stillAdmin()).toContain('"records"')
  })
})
