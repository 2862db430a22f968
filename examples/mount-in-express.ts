// Mount adminjs-clients into your own Express app on MySQL/MariaDB.
import AdminJS from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import express from 'express'
import nodemailer from 'nodemailer'
import { DataSource } from 'typeorm'
import { clientManagementEntities, clientManagementMigrations, createClientManagement } from 'adminjs-clients'

const dataSource = new DataSource({
  type: 'mariadb', // 'mysql' for a MySQL server
  url: process.env.DATABASE_URL, // mysql://user:password@127.0.0.1:3306/app
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
  entities: [...clientManagementEntities /* , ...your entities */],
  migrations: [...clientManagementMigrations /* , ...your migrations */],
})
await dataSource.initialize()
await dataSource.runMigrations()

const clients = createClientManagement({
  dataSource,
  mailer: nodemailer.createTransport(process.env.SMTP_URL),
  mailFrom: 'Acme <no-reply@acme.example>',
  links: {
    confirmEmail: 'https://app.acme.example/account/confirm?token={token}',
    resetPassword: 'https://app.acme.example/account/reset?token={token}',
  },
  hashing: { driver: 'argon2id' },
  roles: { admin: '*', support: ['list', 'show', 'search', 'Client.sendEmail', 'Client.addNote'] },
  language: 'fr',
})

const admin = new AdminJS({
  ...clients.adminOptions,
  rootPath: '/admin',
  resources: [...clients.resources /* , ...your resources */],
})

const router = AdminJSExpress.buildAuthenticatedRouter(admin, {
  cookiePassword: process.env.SESSION_SECRET as string,
  // Return what the roles map needs: an object with `email` and `role`, never a password hash.
  authenticate: async (email: string, password: string) => {
    return yourOwnAdminLogin(email, password) // e.g. { email, role: 'admin' } or null
  },
})

const app = express()
app.use(admin.options.rootPath, router)
app.listen(3000)

declare function yourOwnAdminLogin(
  email: string,
  password: string,
): Promise<{ email: string; role: string } | null>
