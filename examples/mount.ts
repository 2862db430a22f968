// Mount adminjs-clients into your Express app in one call, next to your own AdminJS resources.
import express from 'express'
import nodemailer from 'nodemailer'
import { DataSource } from 'typeorm'
import { mountClientManagement } from 'adminjs-clients'
import { Product, yourOwnAdminLogin } from './host.js'

const app = express()
await mountClientManagement(app, {
  dataSource: new DataSource({ type: 'mariadb', url: process.env.DATABASE_URL, entities: [Product] }),
  tablePrefix: 'crm_', // crm_clients, crm_contracts…: the plugin never touches a table of yours
  auth: { authenticate: yourOwnAdminLogin, secret: process.env.SESSION_SECRET as string },
  mail: { transport: nodemailer.createTransport(process.env.SMTP_URL), from: 'Acme <no-reply@acme.example>' },
  links: 'https://app.acme.example/account', // your client area: /confirm?token=…, /reset?token=…
  resources: [Product], // yours, next to the plugin's
})
app.listen(3000)
