import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type SendMailOptions, type SentMessageInfo } from 'nodemailer'

export interface DemoMailer {
  sendMail(message: SendMailOptions): Promise<SentMessageInfo>
  describe: string
}

/**
 * `SMTP_URL` when set; otherwise every email is written as an .eml file to `<dataDir>/mail/`,
 * so the demo shows real messages without a mail server.
 */
export function createDemoMailer(options: { smtpUrl?: string; dataDir: string }): DemoMailer {
  if (options.smtpUrl) {
    const smtp = nodemailer.createTransport(options.smtpUrl)
    return { sendMail: (message) => smtp.sendMail(message), describe: 'SMTP (SMTP_URL)' }
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
