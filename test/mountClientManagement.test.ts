// One call to mount (issue 26): a host with its own `contracts` table and AdminJS resource mounts
// the plugin with a table prefix; the panel logs in with the plugin's session store, lists the
// plugin's clients and the host's own records; the host's table is untouched; close() stops it all.
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import {
  BaseEntity,
  Column,
  DataSource,
  Entity,
  PrimaryGeneratedColumn,
  type DataSourceOptions,
} from 'typeorm'
import { AdminSession, Client, mountClientManagement, type MountedPanel } from '../src/index.js'
import { createMysqlDatabase, databaseKinds, requireMysqlInCi, tablesOf } from './support/databases.js'

@Entity({ name: 'contracts' })
class HostContract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 80 })
  supplier!: string
}

const ADMIN = { email: 'boss@host.test', password: 'right-password' }

requireMysqlInCi()
describe.each(databaseKinds())('mountClientManagement on %s', (kind) => {
  let host: DataSource
  let panel: MountedPanel
  let origin: string
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-mount-'))
    const mysql = kind === 'mysql' ? await createMysqlDatabase() : null
    const base: DataSourceOptions =
      kind === 'mysql'
        ? { type: 'mariadb', url: mysql!.url }
        : { type: 'better-sqlite3', database: path.join(dir, 'app.sqlite') }
    host = new DataSource({ ...base, entities: [HostContract], synchronize: true })
    await host.initialize()
    await HostContract.save(HostContract.create({ supplier: 'Acme supplies' }))

    const app = express()
    panel = await mountClientManagement(app, {
      dataSource: host,
      tablePrefix: 'crm_',
      resourceIdPrefix: 'Crm',
      auth: {
        authenticate: async ({ email, password }) =>
          email === ADMIN.email && password === ADMIN.password ? { email, role: 'admin' } : null,
        secret: 'a-session-secret-of-the-host-'.padEnd(40, 'x'),
      },
      mail: { transport: { sendMail: async () => ({ messageId: 'x' }) }, from: 'Host <no-reply@host.test>' },
      links: 'https://host.test/account',
      resources: [HostContract],
      workers: false,
      stopOn: false,
    })
    await panel.dataSource
      .getRepository(Client)
      .save({ lastName: 'Bernard', clientNumber: 'H-1', status: 'active' })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    cleanup = async () => {
      server.close()
      await panel?.close()
      await host.destroy()
      await mysql?.drop()
      await rm(dir, { recursive: true, force: true })
    }
  }, 300_000)
  afterAll(() => cleanup?.())

  test('logs in, serves the plugin’s list and the host’s resource, sessions in crm_client_admin_sessions', async () => {
    const login = await fetch(`${origin}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(ADMIN).toString(),
      redirect: 'manual',
    })
    expect(login.status).toBe(302)
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(await panel.dataSource.getRepository(AdminSession).count()).toBe(1)

    const list = await fetch(`${origin}/admin/api/resources/CrmClient/actions/list`, { headers: { cookie } })
    expect(list.status).toBe(200)
    const records = ((await list.json()) as { records: { params: { lastName: string } }[] }).records
    expect(records.map((r) => r.params.lastName)).toEqual(['Bernard'])

    const own = await fetch(`${origin}/admin/api/resources/HostContract/actions/list`, {
      headers: { cookie },
    })
    expect(
      ((await own.json()) as { records: { params: { supplier: string } }[] }).records[0].params.supplier,
    ).toBe('Acme supplies')

    const logout = await fetch(`${origin}/admin/logout`, { headers: { cookie }, redirect: 'manual' })
    expect(logout.status).toBe(302)
    expect(await panel.dataSource.getRepository(AdminSession).count()).toBe(0)
    const after = await fetch(`${origin}/admin/api/resources/CrmClient/actions/list`, {
      headers: { cookie },
      redirect: 'manual',
    })
    expect(after.status).not.toBe(200)
  })

  test('the plugin’s tables are prefixed; the host’s contracts table is as it was', async () => {
    const tables = await tablesOf(host)
    expect(tables).toEqual(
      expect.arrayContaining(['contracts', 'crm_contracts', 'crm_clients', 'crm_client_admin_sessions']),
    )
    expect(tables).not.toContain('clients')
    const columns = (await host.createQueryRunner().getTable('contracts'))!.columns.map((c) => c.name).sort()
    expect(columns).toEqual(['id', 'supplier'])
    expect((await HostContract.find()).map((c) => c.supplier)).toEqual(['Acme supplies'])
  })
  test('mounts the load balancer’s routes: live, and ready once the database, migrations and bundle are', async () => {
    const live = await fetch(`${origin}/health/live`)
    expect(live.status).toBe(200)
    const ready = await fetch(`${origin}/health/ready`)
    expect(ready.status).toBe(200)
    expect(((await ready.json()) as { checks: Record<string, string> }).checks).toEqual({
      database: 'ok',
      migrations: 'ok',
      bundle: 'ok',
    })
  })
})
