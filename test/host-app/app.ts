// A host app as a newcomer writes it from the README: its own entities, resources, component,
// locale tweak and session store, `rootPath: '/backoffice'`, and adminjs-clients mounted next to them.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ComponentLoader } from 'adminjs'
import bcrypt from 'bcrypt'
import express from 'express'
import { DataSource, type DataSourceOptions } from 'typeorm'
import { Advisor, Client, mountClientManagement } from 'adminjs-clients'
import { AdminUser, Contract, Product, hostEntities } from './entities.js'
import { HOST_ADMIN } from './hostAdmin.js'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface HostOptions {
  /** mysql://… for MariaDB; else SQLite in `sqliteFile`. */
  databaseUrl?: string
  /** TypeORM's driver type for MariaDB: both are met in hosts (default `mariadb`). */
  databaseType?: 'mysql' | 'mariadb'
  sqliteFile: string
}

export async function createHostApp(options: HostOptions) {
  const base: DataSourceOptions = options.databaseUrl
    ? {
        type: options.databaseType ?? 'mariadb',
        url: options.databaseUrl,
        timezone: 'Z',
        charset: 'utf8mb4_unicode_ci',
      }
    : { type: 'better-sqlite3', database: options.sqliteFile }
  // The host's own tables, `contracts` among them, made its own way.
  const dataSource = new DataSource({ ...base, entities: hostEntities, synchronize: true })
  await dataSource.initialize()

  const componentLoader = new ComponentLoader()
  const ProductPrice = componentLoader.add('ProductPrice', path.join(here, 'components', 'ProductPrice'))
  const shop = { name: 'Shop', icon: 'ShoppingCart' }
  const app = express()
  // The one call of the README (examples/mount.ts), with the host's rootPath, loader, locale and page.
  const panel = await mountClientManagement(app, {
    dataSource,
    tablePrefix: 'crm_',
    resourceIdPrefix: 'Crm',
    path: '/backoffice',
    auth: { authenticate, secret: 'host-session-secret-'.padEnd(40, 'x'), cookieName: 'host_admin' },
    mail: { transport: { sendMail: async () => ({ messageId: 'host' }) }, from: 'Host <no-reply@host.test>' },
    links: 'https://host.test/account',
    language: 'en',
    // A second process started with another currency must not get the first one's bundle.
    currency: process.env.HOST_CURRENCY || 'EUR',
    componentLoader,
    locale: { translations: { en: { labels: { Product: 'Catalogue' } } } },
    resources: [
      {
        resource: Product,
        options: { navigation: shop, properties: { price: { components: { list: ProductPrice } } } },
      },
      { resource: AdminUser, options: { navigation: shop } },
      { resource: Contract, options: { navigation: shop } },
    ],
    stopOn: false,
  })
  await seed(dataSource, panel.dataSource)

  async function authenticate({ email, password }: { email: string; password: string }) {
    const user = await dataSource
      .getRepository(AdminUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne()
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) return null
    return { email: user.email, role: user.role }
  }

  return {
    app,
    admin: panel.admin,
    clientsSource: panel.dataSource,
    async close() {
      await panel.close()
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
