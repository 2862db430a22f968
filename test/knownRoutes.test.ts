// knownRoutes in front of a host's panel (issue 24, medium 3): the plugin's resources under a
// prefix, and a host action of two types (`actionType: ['record', 'bulk']`, which AdminJS allows).
// The route walk over the demo panel is test/security/f17-route-types.test.ts.
import AdminJS, { type ResourceWithOptions } from 'adminjs'
import express from 'express'
import request from 'supertest'
import { BaseEntity, Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { clientManagementEntities, createClientManagement } from '../src/index.js'
import { knownRoutes } from '../src/http/knownRoutes.js'

@Entity({ name: 'parcels' })
class Parcel extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 40 })
  label!: string
}

const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  synchronize: true,
  entities: [...clientManagementEntities, Parcel],
})

let app: express.Express

beforeAll(async () => {
  await dataSource.initialize()
  const clients = createClientManagement({
    dataSource,
    mailer: { sendMail: async () => ({}) },
    mailFrom: 'Acme <no-reply@acme.test>',
    links: {
      confirmEmail: 'https://app.acme.test/confirm?token={token}',
      resetPassword: 'https://app.acme.test/reset?token={token}',
    },
    resourceIdPrefix: 'Crm',
  })
  const parcels: ResourceWithOptions = {
    resource: Parcel,
    options: {
      id: 'Parcel',
      actions: {
        // AdminJS's types say one type; its decorator (`actionType.includes('record')`) takes a list.
        ship: {
          actionType: ['record', 'bulk'] as unknown as 'record',
          handler: async () => ({ records: [] }),
        },
      },
    },
  }
  const admin = new AdminJS({ ...clients.adminOptions, resources: [...clients.resources, parcels] })
  // What reaches the panel's routes answers 200 "passed"; knownRoutes answers the rest.
  app = express()
    .use(knownRoutes(admin))
    .use((_req, res) => {
      res.send('passed')
    })
})
afterAll(() => dataSource.destroy())

const statusOf = async (path: string) => {
  const res = await request(app).get(path)
  return res.status === 200 ? res.text : res.status
}

test('the plugin under a prefix: its own ids, each action on its own type of route only', async () => {
  const api = '/api/resources/CrmClient'
  expect(await statusOf(`${api}/actions/list`)).toBe('passed')
  expect(await statusOf(`${api}/records/1/show`)).toBe('passed')
  expect(await statusOf(`${api}/bulk/bulkSuspend?recordIds=1,2`)).toBe('passed')
  expect(await statusOf(`${api}/download/export`)).toBe('passed')
  expect(await statusOf(`${api}/records/1/download/gdprArchive`)).toBe('passed')
  expect(await statusOf('/resources/CrmClient/records/1/edit')).toBe('passed')
  for (const path of [
    '/api/resources/Client/actions/list',
    `${api}/records/1/list`,
    `${api}/actions/show`,
    `${api}/bulk/impersonate?recordIds=1`,
    `${api}/records/1/bulkSuspend?recordIds=2`,
    `${api}/bulk/bulkSuspend`,
    `${api}/records/0/show`,
    `${api}/records/abc/show`,
    `${api}/download/list`,
    `${api}/records/1/download/show`,
    `${api}/records/1/download/export`,
    '/resources/CrmClient/bulk/bulkSuspend',
    '/RESOURCES/CrmClient/RECORDS/1/list/',
  ])
    expect([path, await statusOf(path)]).toEqual([path, 404])
  expect(await statusOf(`${api}/bulk/bulkSuspend?recordIds=1,x`)).toBe(400)
})

test("a host action of two types, `['record', 'bulk']`: on both of their routes, on no other", async () => {
  expect(await statusOf('/api/resources/Parcel/records/1/ship')).toBe('passed')
  expect(await statusOf('/api/resources/Parcel/bulk/ship?recordIds=1,2')).toBe('passed')
  expect(await statusOf('/api/resources/Parcel/actions/ship')).toBe(404)
  expect(await statusOf('/api/resources/Parcel/records/1/list')).toBe(404)
})
