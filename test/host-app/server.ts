// Runs the host app on 127.0.0.1 (a free port): prints `{"port":…}`, stops when its stdin closes
// (the test ends) or after HOST_MAX_MS at the latest.
import { createHostApp } from './app.js'

const host = await createHostApp({
  databaseUrl: process.env.HOST_DATABASE_URL || undefined,
  databaseType: process.env.HOST_DATABASE_TYPE === 'mysql' ? 'mysql' : 'mariadb',
  sqliteFile: process.env.HOST_SQLITE_FILE ?? 'host.sqlite',
})
if (process.env.HOST_BUILD_ONLY) {
  // Deploy step: bundle the components once into ADMIN_JS_TMP_DIR (NODE_ENV=production).
  await host.admin.initialize()
  await host.close()
  process.exit(0)
}
const server = host.app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : null })}\n`,
  )
})
const stop = () => {
  server.close()
  void host.close().finally(() => process.exit(0))
}
process.stdin.on('end', stop)
process.stdin.resume()
setTimeout(stop, Number(process.env.HOST_MAX_MS ?? 600_000))
