import type { Server, ServerResponse } from 'node:http'

/**
 * A rejected promise nobody handled is logged, and the process goes on serving: since Node 15
 * the default is to end the process, which takes every request in flight with it. The code
 * awaits every promise (eslint's no-floating-promises); this is the net under a dependency's.
 */
export function logUnhandledRejections(name: string): void {
  process.on('unhandledRejection', (reason) => {
    console.error(`${name}: unhandled rejection (logged, the process goes on)`, reason)
  })
}

export interface GracefulStopOptions {
  /** The HTTP server, if any: it stops taking requests and lets the current ones finish. */
  server?: Server
  /** What to stop and close once no request is running (workers, then the database). */
  close: () => Promise<void>
  /** Keep-alive connections still busy after this are cut. Default 10 s. */
  drainMs?: number
  /** The process exits (code 1) after this whatever is still running. Default 30 s. */
  boundMs?: number
}

/**
 * SIGTERM and SIGINT stop the process gracefully: no new connection, idle keep-alive connections
 * closed at once and busy ones once their response is sent (`Connection: close`), the current
 * requests finished, then `close()` (the workers' own graceful stop, the DataSource), then exit 0.
 * Within `boundMs` in any case; a second signal exits at once.
 */
export function stopGracefully(options: GracefulStopOptions): void {
  const { server, close, drainMs = 10_000, boundMs = 30_000 } = options
  let stopping = false
  // The responses being written, to tell their clients not to send another request on the connection.
  const inFlight = new Set<ServerResponse>()
  server?.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res)
    res.on('close', () => inFlight.delete(res))
  })
  const stop = async () => {
    if (stopping) process.exit(1)
    stopping = true
    setTimeout(() => process.exit(1), boundMs).unref()
    if (server) {
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
      server.on('request', (_req, res: ServerResponse) => {
        if (!res.headersSent) res.setHeader('Connection', 'close')
      })
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const cut = setTimeout(() => server.closeAllConnections(), drainMs)
      await closed
      clearTimeout(cut)
    }
    await close()
    process.exit(0)
  }
  const onSignal = () => {
    stop().catch((error: unknown) => {
      console.error('shutdown failed', error)
      process.exit(1)
    })
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
