// The walk of one suspend (issue 27): the plugin files whose functions run while the panel
// POSTs a suspend, counted with V8's precise coverage (node:inspector). The request crosses the
// HTTP edge (src/http/, what every route crosses) and then should read as one feature: its
// action, its input schema, the shared builders and the lifecycle room.
import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { Agent } from 'supertest'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { findClients } from './support/findClients.js'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src') + path.sep
/**
 * The plugin files a suspend crosses beyond the HTTP edge: 42 before issue 27, 40 with the schemas,
 * 26 once `appliesTo` became data, 15 once each idea sat in one file and what is known at setup was
 * no longer worked out per request (the input's limits; the panel's language, read only when a notice
 * builds a text), 16 with the record's title, 15 once the client_advisors subscriber was no longer
 * added to the host's DataSource (TypeORM called it for every entity event: the demo's session row,
 * the suspend's own UPDATE and history INSERT; the plugin's writers refresh the table themselves),
 * still 15 once a POST no longer serialised the record read before the change (half the rights checks
 * and titles built, no file fewer), 13 once the roles map's guard sat with the roles map
 * (services/core/accessControl.ts), the strip of every answer with the secret keys
 * (services/core/secrets.ts) and a person's title with the resource that titles records
 * (resources/secureActions.ts now only puts the hooks together at setup; shared/displayFormat.ts is
 * the components' formatting), 12 once the transaction helper and the event writer met in one file
 * (services/core/transaction.ts: one state change = one transaction = one event; 22 of the 27
 * files that write history rows imported both, the other 5 write in their caller's transaction),
 * what an error says (a conflict, a lost connection) read apart in services/core/databaseFaults.ts,
 * which a request that meets no fault never calls.
 * Of the 12: suspend's own path is its action, its input's fields (shared/actionInputs/fields.ts,
 * whose transforms parse it) and the lifecycle's statusTransitions.ts (the change engine and the
 * status changes); the builder (clientActionSpecs.ts); the roles map and its guard
 * (accessControl.ts: the 403 before hook, and `isAccessible` of every action listed in a record's
 * JSON); the record read by id, before and after the change (pluginResource.ts, with the record's
 * title "Leclerc Jean · C5576349", entityRows.ts, and columns.ts's decimal transformer, which
 * hydrates the balance); the request's values and actor (requestValues.ts); the change's
 * transaction and its event (transaction.ts); the secret keys, stripped from the answer and masked
 * in the event (secrets.ts); and the sessions ended (clientSessions.ts).
 * Not 11: entityRows.ts is also the client list's row reader (services/list, which may not import a
 * resource), columns.ts's transformer is every money column's (and the lifecycle's own read hydrates
 * the balance too), requestValues.ts is the request read of every entry point, the secret keys are
 * the event writer's and every action's, and the answer carries the record as it now is (the HTTP
 * tests read its status), so the read stays.
 */
const MAX_FILES_PAST_HTTP = 12

interface ScriptCoverage {
  url: string
  functions: { functionName: string; ranges: { count: number }[] }[]
}

/** The src files any of whose functions ran since the last snapshot (each snapshot resets the counts). */
async function filesRun(session: Session): Promise<string[]> {
  const { result } = (await session.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] }
  const files = new Set<string>()
  for (const script of result) {
    const file = script.url.startsWith('file://') ? fileURLToPath(script.url) : script.url
    if (!file.startsWith(SRC)) continue
    if (script.functions.some((f) => f.ranges.some((r) => r.count > 0))) files.add(path.relative(SRC, file))
  }
  return [...files].sort()
}

describeEachDatabase('the walk of one suspend request', (database) => {
  let admin: Agent
  const session = new Session()

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
  })

  afterAll(async () => {
    await session.post('Profiler.stopPreciseCoverage')
    session.disconnect()
  })

  test(`crosses at most ${MAX_FILES_PAST_HTTP} plugin files past src/http/`, async () => {
    const [warm, measured] = await findClients(database().dataSource, { status: 'active' }, 2)
    // A first suspend loads what loads lazily; the second is the walk of a request.
    const first = await clientApi(admin).record('suspend', warm.id, { reason: 'Walk, warm-up' })
    expect(first.body.notice).toMatchObject({ type: 'success', message: 'clientSuspended' })
    await filesRun(session)
    const res = await clientApi(admin).record('suspend', measured.id, { reason: 'Walk' })
    const files = await filesRun(session)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientSuspended' })
    const pastHttp = files.filter((f) => !f.startsWith(`http${path.sep}`))
    console.warn(
      `suspend walk: ${files.length} src files, ${pastHttp.length} past src/http/\n  ${files.join('\n  ')}`,
    )
    expect(files.length).toBeGreaterThan(pastHttp.length)
    expect(pastHttp.length).toBeLessThanOrEqual(MAX_FILES_PAST_HTTP)
  })
})
