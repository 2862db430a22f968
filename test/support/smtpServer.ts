import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
  /** When its data ended (Date.now()). */
  at: number
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code }) as Error & { responseCode: number }

/**
 * A real SMTP server on 127.0.0.1 (random port, or `port` to start one again where it was) that
 * keeps what it receives (in `received`, or in the list given). `rejectTo` refuses those
 * recipients with a permanent error, as a real server would, `deferTo` with a temporary one (450);
 * `delayMs` answers each message late; from the `holdFrom`-th message on, messages are kept (in
 * `received`) but not answered until `release()`, as a server stuck mid-delivery: the sender
 * holds them "on the wire" for as long as the test wants. `greet421(true)` greets every new connection with
 * "421 try again later" and closes it, as a server that is shutting down or overloaded does.
 */
export async function startSmtpServer(
  options: {
    rejectTo?: string[]
    deferTo?: string[]
    port?: number
    received?: ReceivedMail[]
    delayMs?: number
    holdFrom?: number
  } = {},
) {
  const received: ReceivedMail[] = options.received ?? []
  let refusing = false
  let held: (() => void)[] | null = options.holdFrom ? [] : null
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (refusing) return callback(smtpError(421, 'Service not available, try again later'))
      callback()
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectTo?.includes(address.address)) {
        return callback(smtpError(550, `550 5.1.1 <${address.address}>: mailbox unavailable`))
      }
      if (options.deferTo?.includes(address.address)) {
        return callback(smtpError(450, `450 4.2.1 <${address.address}>: mailbox busy, try again later`))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        })
        const answer = () => (options.delayMs ? setTimeout(callback, options.delayMs) : callback())
        if (held && received.length >= (options.holdFrom as number)) held.push(() => callback())
        else answer()
      })
    },
  })
  // A client killed mid-message (the kill -9 tests) resets its connection: the server reports it as
  // an 'error' event, which unheard would be an uncaught exception failing whatever test runs then.
  // Any other error is thrown as before.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Messages received and not answered yet (see `holdFrom`). */
    held: () => held?.length ?? 0,
    /** Answers the held messages, and every later one at once. */
    release: () => {
      const waiting = held ?? []
      held = null
      for (const answer of waiting) answer()
    },
    greet421: (on: boolean) => {
      refusing = on
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * The decoded text of a received email (nodemailer writes quoted-printable): each run of `=XX`
 * bytes read as UTF-8, so `Philomène` reads as written, not byte by byte.
 */
export const mailText = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'))

/** The Message-ID header of a received email. */
export const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? null
