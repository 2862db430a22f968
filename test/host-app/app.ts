// A host app as a newcomer writes it from the README: its own entities, resources, component,
// locale tweak and session store, `rootPath: '/backoffice'`, and adminjs-clients mounted next to them.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AdminJS, { ComponentLoader } from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { Database, Resource } from '@adminjs/typeorm'
import bcrypt from 'bcrypt'
import { TypeormStore } from 'connect-typeorm'
import express from 'express'
import { DataSource, type DataSourceOptions } from 'typeorm'
import {
  Advisor,
  Client,
  clientManagementEntities,
  createClientManagement,
  mergeLocale,
  protectAdminRouter,
} from 'adminjs-clients'
import { AdminUser, Contract, HostSession, Product, hostEntities } from './entities.js'
import { HOST_ADMIN } from './hostAdmin.js'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface HostOptions {
  /** mysql://… for MariaDB; else SQLite in `sqliteFile`. */
  databaseUrl?: string
  sqliteFile: string
}

export async function createHostApp(options: HostOptions) {
  const base: DataSourceOptions = options.databaseUrl
    ? { type: 'mariadb', url: options.databaseUrl, timezone: 'Z', charset: 'utf8mb4_unicode_ci' }
    : { type: 'better-sqlite3', database: options.sqliteFile }
  const dataSource = new DataSource({ ...base, entities: hostEntities, synchronize: true })
  // The plugin on its own DataSource, same database, its tables prefixed: the host has `contracts`.
  const clientsSource = new DataSource({
    ...base,
    entities: clientManagementEntities,
    entityPrefix: 'crm_',
    synchronize: true,
  })
  await dataSource.initialize()
  await clientsSource.initialize()
  await seed(dataSource, clientsSource)

  AdminJS.registerAdapter({ Database, Resource })
  const componentLoader = new ComponentLoader()
  const ProductPrice = componentLoader.add('ProductPrice', path.join(here, 'components', 'ProductPrice'))
  const clients = createClientManagement({
    dataSource: clientsSource,
    componentLoader,
    resourceIdPrefix: 'Crm',
    mailer: { sendMail: async () => ({ messageId: 'host' }) },
    mailFrom: 'Host <no-reply@host.test>',
    links: {
      confirmEmail: 'https://host.test/account/confirm?token={token}',
      resetPassword: 'https://host.test/account/reset?token={token}',
    },
    language: 'en',
  })
  const shop = { name: 'Shop', icon: 'ShoppingCart' }
  const admin = new AdminJS({
    ...clients.adminOptions,
    locale: mergeLocale(clients.locale, { translations: { en: { labels: { Product: 'Catalogue' } } } }),
    rootPath: '/backoffice',
    loginPath: '/backoffice/login',
    logoutPath: '/backoffice/logout',
    dashboard: clients.dashboard,
    pages: { clients: clients.dashboard },
    resources: [
      ...clients.resources,
      {
        resource: Product,
        options: { navigation: shop, properties: { price: { components: { list: ProductPrice } } } },
      },
      { resource: AdminUser, options: { navigation: shop } },
      { resource: Contract, options: { navigation: shop } },
    ],
  })

  const guard = protectAdminRouter(admin, {
    authenticate: async ({ email, password }) => {
      const user = await dataSource
        .getRepository(AdminUser)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email })
        .getOne()
      if (!user || !(await bcrypt.compare(password, user.passwordHash))) return null
      return { email: user.email, role: user.role }
    },
  })
  const secret = 'host-session-secret-'.padEnd(40, 'x')
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    ...guard.routerArgs({
      cookieName: 'host_admin',
      secret,
      store: new TypeormStore({ limitSubquery: false }).connect(dataSource.getRepository(HostSession)),
    }),
  )
  const app = express()
  app.use(admin.options.rootPath, guard.handleErrors(router))
  return {
    app,
    admin,
    clientsSource,
    async close() {
      await clientsSource.destroy()
      await dataSource.destroy()
    },
  }
}

async function seed(host: DataSource, plugin: DataSource): Promise<void> {
  if ((await host.getRepository(AdminUser).count()) > 0) return
  await host.getRepository(AdminUser).save({
    email: HOST_ADMIN.email,
    passwordHash: await bcrypt.hash(HOST_ADMIN.password, 4),
    role: 'admin',
  })
  await host.getRepository(Product).save({ name: 'Widget', price: '12.50' })
  await host.getRepository(Contract).save({ supplier: 'Acme supplies', signedOn: '2026-01-15' })
  const advisor = await plugin.getRepository(Advisor).save({ code: 'H1', lastName: 'Host', firstName: 'Ada' })
  await plugin.getRepository(Client).save(
    ['Bernard', 'Lefevre', 'Moreau'].map((lastName, i) => ({
      lastName,
      firstName: 'Sam',
      email: `${lastName.toLowerCase()}@client.test`,
      clientNumber: `H-${i + 1}`,
      status: 'active' as const,
      advisorId: advisor.id,
    })),
  )
}
