// Plain AdminJS on the same database, for the browser tests' timings: the Client table as
// AdminJS lists it without the plugin (no options, no components, no login). Run in its own
// process (its own components bundle in ADMIN_JS_TMP_DIR); prints its port, stops with its parent.
import AdminJS from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { Database, Resource } from '@adminjs/typeorm'
import express from 'express'
import type { AddressInfo } from 'node:net'
import { Advisor, Client, ImportBatch } from '../../src/index.js'
import { createDemoDataSource } from '../../demo/dataSource.js'

const dataSource = await createDemoDataSource({ dataDir: process.env.DATA_DIR as string })
dataSource.setOptions({ synchronize: false })
await dataSource.initialize()
AdminJS.registerAdapter({ Database, Resource })
// The tables the Client table references, which AdminJS needs to show its references.
const admin = new AdminJS({ rootPath: '/plain', resources: [Client, Advisor, ImportBatch] })
const app = express()
// In production (the browser tests' mode) AdminJS bundles on start, unless told the bundle is there
// (ADMIN_JS_SKIP_BUNDLE, which the tests set for their own): this one is bundled once listening
// (its first visit waits for it, as a development start's first visit would).
let bundled: Promise<void> = Promise.resolve()
const bundleOnStart = process.env.NODE_ENV === 'production' && process.env.ADMIN_JS_SKIP_BUNDLE === 'true'
app.use((_req, _res, next) => {
  bundled.then(() => next(), next)
})
app.use(admin.options.rootPath, AdminJSExpress.buildRouter(admin))
const server = app.listen(0, '127.0.0.1', () => {
  if (bundleOnStart) {
    delete process.env.ADMIN_JS_SKIP_BUNDLE
    bundled = admin.initialize()
    process.env.ADMIN_JS_SKIP_BUNDLE = 'true'
  }
  process.stdout.write(`plain admin on ${(server.address() as AddressInfo).port}\n`)
})
// The test that started it may die without a word: stop with it.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
