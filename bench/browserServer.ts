// One side of the browser case (bench/browserCase.ts) in a process of its own, as deployed:
// NODE_ENV=production and its own ADMIN_JS_TMP_DIR, both set by the parent before AdminJS loads
// (it reads them once, on import). The side's components bundle is built once and then served as
// built (ADMIN_JS_SKIP_BUNDLE) while the sources stay the same, as `npm start` and the browser
// tests do. `ours`: the demo app; `peer`: plain AdminJS on the same tables (bench/peer.ts), each
// behind its own login. Prints one JSON line, {"port": …, "bundledSeconds": …}, then serves
// until its standard input closes (the parent stopping, or dying).
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type AdminJS from 'adminjs'
import { bundleReady } from '../src/index.js'
import { trackBundle } from '../src/resources/componentsBundle.js'
import { PasswordHasher } from '../src/services/accounts/passwordHasher.js'
import { AdminUser } from '../demo/entities/AdminUser.js'
import { bundleIsFresh, recordBundleSources } from '../demo/productionBundle.js'
import { openBenchDatabase } from './database.js'
import { BENCH_SECRET, benchDemoApp, benchSessionStore } from './harness.js'
import { readOptions } from './options.js'
import { peerAdmin, peerRouter } from './peer.js'

const [side, ...argv] = process.argv.slice(2)
if (
  (side !== 'ours' && side !== 'peer') ||
  process.env.NODE_ENV !== 'production' ||
  !process.env.ADMIN_JS_TMP_DIR
)
  throw new Error(
    'bench/browserServer.ts ours|peer --clients N, with NODE_ENV=production and ADMIN_JS_TMP_DIR',
  )

const options = readOptions(argv, process.env)
const { dataSource } = await openBenchDatabase(options.sizes)
const sessions = benchSessionStore(dataSource, options.sessions)
const fresh = bundleIsFresh()
if (fresh) process.env.ADMIN_JS_SKIP_BUNDLE = 'true'
else delete process.env.ADMIN_JS_SKIP_BUNDLE

/** Plain AdminJS's login: the admin's hash checked as the demo checks it (any format). */
function peerApp(): { app: express.Express; admin: AdminJS } {
  const hasher = new PasswordHasher({ driver: 'argon2id' })
  const authenticate = async (email: string, password: string) => {
    const user = await dataSource
      .getRepository(AdminUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne()
    return user && (await hasher.verify(user.passwordHash, password)) ? { email: user.email } : null
  }
  const admin = peerAdmin()
  // Not the plugin's AdminJS: told when its bundle is built the same way, before its router starts it.
  trackBundle(admin)
  const app = express()
  app.use('/peer', peerRouter(authenticate, sessions, BENCH_SECRET, admin).router)
  return { app, admin }
}

const started = Date.now()
const { app, admin } = side === 'ours' ? benchDemoApp(dataSource, sessions) : peerApp()
// Express's router has called admin.initialize(): in production, the bundle (or, fresh, nothing).
await bundleReady(admin)
if (!fresh) recordBundleSources()
const server: Server = app.listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
process.stdout.write(
  `${JSON.stringify({
    port: (server.address() as AddressInfo).port,
    bundledSeconds: fresh ? null : (Date.now() - started) / 1000,
  })}\n`,
)
process.stdin.on('end', () => {
  server.close()
  void dataSource.destroy().finally(() => process.exit(0))
})
process.stdin.resume()
