import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type SendMailOptions, type SentMessageInfo } from 'nodemailer'
import { DEFAULT_OUTBOX_OPTIONS, outboxSmtpTimeouts } from '../src/index.js'

export interface DemoMailer {
  sendMail(message: SendMailOptions): Promise<SentMessageInfo>
  /** Asks the server without sending (SMTP only): the outbox's probe while the server is away. */
  verify?: () => Promise<unknown>
  describe: string
}

/**
 * `SMTP_URL` with the outbox's timeouts (`outboxSmtpTimeouts(leaseMs)`) unless the URL sets its
 * own (`?socketTimeout=…`), so that one attempt always ends before its claim does.
 */
export function smtpUrlWithTimeouts(
  smtpUrl: string,
  leaseMs: number = DEFAULT_OUTBOX_OPTIONS.leaseMs,
): string {
  const url = new URL(smtpUrl)
  for (const [name, ms] of Object.entries(outboxSmtpTimeouts(leaseMs))) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms))
  }
  return url.toString()
}

/**
 * `SMTP_URL` when set; otherwise every email is written as an .eml file to `<dataDir>/mail/`,
 * so the demo shows real messages without a mail server.
 */
export function createDemoMailer(options: {
  smtpUrl?: string
  dataDir: string
  leaseMs?: number
}): DemoMailer {
  if (options.smtpUrl) {
    // The transport itself: the plugin reads its timeouts and probes the server with its verify().
    const smtp = nodemailer.createTransport(smtpUrlWithTimeouts(options.smtpUrl, options.leaseMs))
    return Object.assign(smtp, { describe: 'SMTP (SMTP_URL)' })
  }
  const dir = path.join(options.dataDir, 'mail')
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    describe: `files in ${dir}`,
    async sendMail(message) {
      const info = await stream.sendMail(message)
      await mkdir(dir, { recursive: true })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(info.messageId).replace(/[^\w.-]/g, '')}.eml`
      await writeFile(path.join(dir, name), info.message as Buffer)
      return info
    },
  }
}
