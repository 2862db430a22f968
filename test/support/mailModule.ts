import type { Transporter } from 'nodemailer'
import type { DataSource } from 'typeorm'
import { createClientManagement, type OutboxOptions } from '../../src/index.js'

export const TEST_MAIL_FROM = 'Cabinet <no-reply@cabinet.example>'

/** The plugin on a test database with this transport: its `clientMailer` queues, its `outbox` sends. */
export function mailModule(
  dataSource: DataSource,
  transport: Pick<Transporter, 'sendMail'>,
  outbox: Partial<OutboxOptions> = {},
) {
  return createClientManagement({
    dataSource,
    mailer: transport,
    mailFrom: TEST_MAIL_FROM,
    links: {
      confirmEmail: 'https://app.example.com/confirm?token={token}',
      resetPassword: 'https://app.example.com/reset?token={token}',
    },
    outbox,
  })
}
