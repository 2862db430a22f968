import { randomBytes } from 'node:crypto'
import type { Agent } from 'supertest'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { leftoversWith, uploadSnapshot } from './uploadLeftovers.js'

const ACTION = '/admin/api/resources/Commission/actions/importCommissions'

/**
 * Finding 10: the header reader was unbounded (a 50 MB line of `a;` took 110 s, 1.7 GB, and
 * answered 25 M header names) and refused uploads stayed on disk. Lines and columns are bounded
 * (defaults: header 64 KB, any line 1 MB, 200 columns), refused at once with a field error.
 */
describeEachDatabase('import upload: bounded CSV reading', (database) => {
  let demo: SeededDemo
  let admin: Agent

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  async function upload(body: Buffer, name = 'big.csv') {
    const started = Date.now()
    const res = await admin.post(ACTION).field('step', 'upload').attach('file', body, name)
    return { res, ms: Date.now() - started }
  }

  test('a 5 MB single line of `a;` is refused quickly with a small answer, and nothing stays', async () => {
    const marker = `marker${randomBytes(6).toString('hex')}`
    const body = Buffer.from(`${marker};${'a;'.repeat(2.5 * 1024 * 1024)}`)
    const before = await uploadSnapshot()
    const { res, ms } = await upload(body)
    expect(res.status).toBe(200)
    expect(res.body.importUpload).toBeUndefined()
    expect(res.body.record.errors.file.message).toBe('importHeaderTooLong')
    expect(res.text.length).toBeLessThan(2000)
    expect(ms).toBeLessThan(10_000)
    expect(await leftoversWith(before, marker)).toEqual([])
  })

  test('a data line over 1 MB is refused with its own error', async () => {
    const marker = `marker${randomBytes(6).toString('hex')}`
    const body = Buffer.from(`period;amount;${marker}\n2026-03;1;${'x'.repeat(1100 * 1024)}\n`)
    const before = await uploadSnapshot()
    const { res } = await upload(body)
    expect(res.body.record.errors.file.message).toBe('importLineTooLong')
    expect(res.text.length).toBeLessThan(2000)
    expect(await leftoversWith(before, marker)).toEqual([])
  })

  test('a header of more than 200 columns is refused; 200 are accepted', async () => {
    const marker = `marker${randomBytes(6).toString('hex')}`
    const header = (n: number) => [marker, ...Array.from({ length: n - 1 }, (_, i) => `c${i}`)].join(';')
    const before = await uploadSnapshot()
    const wide = await upload(Buffer.from(`${header(201)}\n`))
    expect(wide.res.body.record.errors.file.message).toBe('importTooManyColumns')
    expect(wide.res.text.length).toBeLessThan(2000)
    expect(await leftoversWith(before, marker)).toEqual([])
    const ok = await upload(Buffer.from(`${header(200)}\n1;2\n`))
    expect(ok.res.body.importUpload.layout.headers).toHaveLength(200)
  })

  test('an accepted file with long values answers a short preview', async () => {
    const long = 'y'.repeat(500 * 1024)
    const rows = Array.from({ length: 5 }, () => `2026-03;1;${long}`).join('\n')
    const { res } = await upload(Buffer.from(`period;amount;note\n${rows}\n`))
    expect(res.body.importUpload.preview).toHaveLength(5)
    expect(res.text.length).toBeLessThan(20_000)
  })

  test('an upload refused for the role (support, 403) leaves no file behind', async () => {
    const support = await loginAs(demo.app, 'support@example.com')
    const marker = `marker${randomBytes(6).toString('hex')}`
    const before = await uploadSnapshot()
    const res = await support
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from(`period;amount;${marker}\n2026-03;1;x\n`), 'support.csv')
    expect(res.status).toBe(403)
    expect(await leftoversWith(before, marker)).toEqual([])
  })
})
