// Finding 15: formidable 1.x took 20 MB JSON bodies and any content type containing "json" as
// JSON; csv-stringify was a dependency nothing used.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { historyCounts } from '../support/clientApi.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

describeEachDatabase('the body parser gets only what it should', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  test('bodies over their limit are 413 before they are read; types that merely contain "json" are 415', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const before = await historyCounts(database().dataSource)
    const url = '/admin/api/resources/Client/records/1/addNote'
    const big = await agent
      .post(url)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ body: 'x'.repeat(1100 * 1024) }))
    expect(big.status).toBe(413)
    const upload = await agent
      .post('/admin/api/resources/Commission/actions/importCommissions')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .set('Content-Length', String(60 * 1024 * 1024))
      .send('--xyz--')
      .catch((error: { response?: { status: number } }) => error.response ?? { status: 0 })
    // Refused on the header alone (the socket may close before the body is sent).
    expect([0, 413]).toContain(upload.status)
    for (const type of ['text/plain;charset=json', 'application/x-json-evil', 'application/jsonp']) {
      const res = await agent.post(url).set('Content-Type', type).send('{"body":"x"}')
      expect(res.status).toBe(415)
    }
    expect(await historyCounts(database().dataSource)).toEqual(before)
  })
})

test('every dependency in package.json is imported by the plugin', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : []
    })
  const source = files('src')
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  // Imported statically, or lazily (argon2 and bcrypt load at the first hash).
  const unused = Object.keys(pkg.dependencies).filter(
    (dep) => !source.includes(`from '${dep}`) && !source.includes(`import('${dep}`),
  )
  expect(unused).toEqual([])
})
