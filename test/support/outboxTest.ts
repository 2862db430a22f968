import nodemailer from 'nodemailer'
import { In, type DataSource } from 'typeorm'
import { Client, EmailLog, outboxSmtpTimeouts } from '../../src/index.js'
import { messageIdOf, type ReceivedMail } from './smtpServer.js'

export { waitUntil } from './waitUntil.js'

/** Prints a measured figure with the test output. */
export const report = (line: string) => process.stdout.write(`${line}\n`)

/** How many times each Message-ID was received. */
export function receivedById(received: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const mail of received) {
    const id = messageIdOf(mail.raw) ?? 'none'
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** A nodemailer SMTP transport to the test server on `port`, with the outbox's timeouts for `leaseMs`. */
export const transportTo = (port: number, leaseMs?: number) =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    ...outboxSmtpTimeouts(leaseMs),
  })

let batch = 0

/** `count` active clients with an address, new at each call. */
export async function activeClients(dataSource: DataSource, count: number): Promise<Client[]> {
  batch += 1
  const tag = `${process.pid}x${batch}`
  const rows = Array.from({ length: count }, (_, i) =>
    dataSource.manager.create(Client, {
      lastName: `Outbox${tag}`,
      firstName: `Client${i}`,
      email: `outbox${tag}.client${i}@example.com`,
      status: 'active',
      locale: 'en',
    }),
  )
  return dataSource.manager.save(rows, { chunk: 50 })
}

/** The EmailLog rows of these clients, oldest first. */
export const emailsOf = (dataSource: DataSource, clients: Client[]) =>
  dataSource
    .getRepository(EmailLog)
    .find({ where: { clientId: In(clients.map((c) => c.id)) }, order: { id: 'ASC' } })
