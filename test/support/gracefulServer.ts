// A server stopped by the demo's stopGracefully (demo/processGuards.ts), for test/gracefulStop.test.ts:
// GET /slow answers after 1.5 s, anything else at once; `closed` is printed by close().
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { stopGracefully } from '../../demo/processGuards.js'

const server = http.createServer((req, res) => {
  if (req.url === '/slow') setTimeout(() => res.end('done'), 1500)
  else res.end('ok')
})
// Longer than the test: an idle keep-alive connection must not hold the shutdown.
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`)
})
stopGracefully({
  server,
  close: async () => {
    process.stdout.write('closed\n')
  },
  drainMs: 5000,
  boundMs: 10_000,
})
