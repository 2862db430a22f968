// `npm run bench [-- --clients 100000 --cases list,search]`: the client list at 100,000 clients
// (or the size asked for), through the real HTTP API of the demo app (logged in), against (a) the
// floor: hand-written SQL behind a bare Express route, and (b) the peer: plain @adminjs/typeorm on
// the same tables; and in Chromium (`browser`), ours and the peer served as in production.
// MariaDB when MYSQL_URL is set, else SQLite. The data set is made once (npm run seed:large's
// code) and kept for the next runs. Writes bench/results/latest.json.
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { browserCase } from './browserCase.js'
import { flatCases } from './flat.js'
import { child, getter, readCases, startPanel } from './harness.js'
import { loadCase } from './load.js'
import { readOptions, type CaseId } from './options.js'
import { printReport, type CaseResult } from './report.js'
import { interleave, median, summary, pairedRatio, type Send, type Side } from './stats.js'

/**
 * A process case's two sides in turn, `rounds` times (ours, floor, then floor, ours…), each run a
 * process of its own: each side's median run (its peak RSS the highest of its runs) and the
 * median of the round-by-round ratios, as the request cases give.
 */
function inTurn<T extends { seconds: number; peakRssMb: number }>(
  script: string,
  args: (side: 'ours' | 'floor') => string[],
  rounds: number,
): { ours: T; floor: T; ratio: number; ratios: number[] } {
  const runs: Record<'ours' | 'floor', T[]> = { ours: [], floor: [] }
  for (let i = 0; i < rounds; i += 1) {
    for (const side of i % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const)) {
      runs[side].push(child<T>(script, args(side)))
    }
  }
  const medianRun = (list: T[]): T => ({
    ...[...list].sort((a, b) => a.seconds - b.seconds)[Math.floor((list.length - 1) / 2)],
    peakRssMb: Math.max(...list.map((r) => r.peakRssMb)),
  })
  const ratios = runs.ours.map((run, i) => run.seconds / runs.floor[i].seconds)
  return { ours: medianRun(runs.ours), floor: medianRun(runs.floor), ratio: median(ratios), ratios }
}

const roundsNote = (ratios: number[]) =>
  `ours / floor ${ratios.map((r) => r.toFixed(2)).join(', ')} in ${ratios.length} rounds taken in turn (the median reported)`

async function main() {
  const options = readOptions(process.argv.slice(2), process.env)
  const { sizes } = options
  const panel = await startPanel(sizes, { store: options.sessions })
  const { dataSource, label, target, base, cookies, counter } = panel
  const get = (who: Side, url: string): Send => getter(base, who === 'floor' ? undefined : cookies[who], url)
  const cases = await readCases(dataSource)
  const { urls, reads } = cases

  const results: CaseResult[] = []
  const timed = (id: CaseId, name: string, r: Awaited<ReturnType<typeof interleave>>, note?: string) => {
    const s = r.samples
    results.push({
      id,
      name,
      kind: 'request',
      ours: s.ours && summary(s.ours),
      floor: s.floor && summary(s.floor),
      peer: s.peer && summary(s.peer),
      ratios: {
        oursOverFloor: s.ours && s.floor ? pairedRatio(s.ours.ms, s.floor.ms) : undefined,
        peerOverOurs: s.ours && s.peer ? pairedRatio(s.peer.ms, s.ours.ms) : undefined,
      },
      peakRssMb: r.peakRssMb,
      note,
    })
  }
  for (const [id, name] of reads) {
    if (!options.selected(id)) continue
    process.stderr.write(`${name}… `)
    // A side without a URL (the peer has no custom fields) sits the case out.
    const sides = Object.fromEntries(
      options.sides.filter((side) => urls[id][side]).map((side) => [side, get(side, urls[id][side])]),
    )
    timed(id, name, await interleave(counter, sides, { runs: options.runs, warmup: options.warmup }))
    process.stderr.write('done\n')
  }

  if (options.selected('bulk')) {
    // Bulk suspend of 1,000 clients; each run is undone (not timed) so the next one starts alike.
    process.stderr.write('bulk suspend of 1,000 clients… ')
    const targets: { id: number }[] = await dataSource.query(
      `SELECT id FROM clients WHERE status = 'active' AND clientNumber LIKE 'L%' ORDER BY id LIMIT 1000 OFFSET 20000`,
    )
    const ids = targets.map((t) => t.id)
    const marks = ids.map(() => '?').join(',')
    const reset = async () => {
      await dataSource.query(
        `UPDATE clients SET status = 'active', statusReason = NULL WHERE id IN (${marks})`,
        ids,
      )
      await dataSource.query(
        `DELETE FROM client_events WHERE type = 'suspended' AND clientId IN (${marks})`,
        ids,
      )
    }
    const post =
      (who: 'ours' | 'floor', url: string, body: string, type: string): Send =>
      async () => {
        const res = await fetch(`${base}${url}`, {
          method: 'POST',
          headers: {
            'content-type': type,
            origin: base,
            ...(who === 'ours' ? { cookie: cookies.ours } : {}),
          },
          body,
        })
        const text = await res.arrayBuffer()
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
        return text.byteLength
      }
    const ours = post(
      'ours',
      `/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${ids.join(',')}`,
      'reason=Audit',
      'application/x-www-form-urlencoded',
    )
    const floor = post(
      'floor',
      '/floor/suspend',
      JSON.stringify({ ids, reason: 'Audit' }),
      'application/json',
    )
    const both = await interleave<Side>(counter, { ours, floor }, { runs: options.runs, warmup: 2, reset })
    // Without the plugin an admin edits the status of each client: 1,000 edit requests per run.
    const peer: Send = async () => {
      let bytes = 0
      for (const id of ids) {
        const res = await fetch(`${base}/peer/api/resources/Client/records/${id}/edit`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: base,
            cookie: cookies.peer,
          },
          body: 'status=suspended&statusReason=Audit',
        })
        bytes += (await res.arrayBuffer()).byteLength
      }
      return bytes
    }
    if (options.sides.includes('peer')) {
      const alone = await interleave(counter, { peer }, { runs: options.peerBulkRuns, warmup: 0, reset })
      both.samples.peer = alone.samples.peer
    }
    timed(
      'bulk',
      'bulk suspend 1,000',
      both,
      `peer: 1,000 edit requests per run, ${options.peerBulkRuns} runs, after the others`,
    )
    process.stderr.write('done\n')
  }

  const loads: [CaseId, string, string][] = [
    ['load-list', 'list page 1', 'list'],
    ['load-search', 'search "dupo"', 'search-dupo'],
    ['load-client', 'client page', 'client'],
  ]
  for (const [id, name, of] of loads) {
    // A load case is ours against plain AdminJS: none without the peer.
    if (!options.selected(id) || !options.sides.includes('peer')) continue
    const { connections, seconds } = options.load
    process.stderr.write(`under load, ${name} (${connections} connections, ${seconds} s per side)… `)
    const sides = await loadCase(
      {
        ours: { url: `${base}${urls[of].ours}`, cookie: cookies.ours },
        peer: { url: `${base}${urls[of].peer}`, cookie: cookies.peer },
      },
      options.load,
    )
    results.push({
      id,
      name: `under load: ${name}`,
      kind: 'load',
      ours: sides.ours,
      peer: sides.peer,
      ratios: { oursOverPeerThroughput: sides.ours.requestsPerSecond / sides.peer.requestsPerSecond },
      note: `${connections} connections, ${seconds} s per side in ${options.load.slices} slices taken in turn`,
    })
    process.stderr.write('done\n')
  }
  if (options.against) results.push(...(await flatCases(options, options.against, panel, cases)))
  // Requests the load generator left queued finish before the database closes.
  await panel.close()
  await new Promise((resolve) => setTimeout(resolve, 2000))

  if (options.selected('browser')) {
    process.stderr.write('in Chromium, the list and the client page, ours and plain AdminJS… ')
    const browser = await browserCase(options, cases)
    if (browser) results.push(browser)
    process.stderr.write('done\n')
  }

  if (options.selected('import')) {
    process.stderr.write(`import of ${options.importRows.toLocaleString('en')} commission rows… `)
    type Import = { seconds: number; rowsPerSecond: number; peakRssMb: number; imported: number }
    const rows = String(options.importRows)
    const { ours, floor, ratio, ratios } = inTurn<Import>(
      'bench/importCase.ts',
      (side) => [side, target, rows],
      options.processRounds,
    )
    results.push({
      id: 'import',
      name: `import ${options.importRows.toLocaleString('en')} rows`,
      kind: 'process',
      ours,
      floor,
      ratios: { oursOverFloor: ratio },
      note: `95% on existing clients by number, 5% new clients and contracts; floor: plain multi-row INSERT of rows already resolved; ${roundsNote(ratios)}`,
    })
    process.stderr.write('done\n')
  }
  if (options.selected('export')) {
    process.stderr.write('export of every client as CSV… ')
    type Export = { rows: number; seconds: number; megabytes: number; peakRssMb: number; startRssMb: number }
    const { ours, floor, ratio, ratios } = inTurn<Export>(
      'bench/exportCase.ts',
      (side) => [side, target],
      options.processRounds,
    )
    results.push({
      id: 'export',
      name: `export ${ours.rows.toLocaleString('en')} clients as CSV`,
      kind: 'process',
      ours,
      floor,
      ratios: { oursOverFloor: ratio },
      note: `floor: one raw streamed query written by the same CSV writer; ${roundsNote(ratios)}`,
    })
    process.stderr.write('done\n')
  }

  if (options.selected('campaign')) {
    process.stderr.write('campaign to every client… ')
    type CampaignRun = {
      recipients: number
      queued: number
      planSeconds: number
      seconds: number
      emailsPerSecond: number
      cpuSeconds: number
      peakRssMb: number
    }
    const ours = child<CampaignRun>('bench/campaignCase.ts', ['ours', target])
    const floor = child<CampaignRun>('bench/campaignCase.ts', ['floor', target])
    results.push({
      id: 'campaign',
      name: `campaign to ${ours.recipients.toLocaleString('en')} clients: queue`,
      kind: 'process',
      ours,
      floor,
      ratios: { oursOverFloor: ours.seconds / floor.seconds },
      note: `planned (segment frozen) in ${ours.planSeconds.toFixed(1)} s (floor ${floor.planSeconds.toFixed(1)} s), ${ours.queued.toLocaleString('en')} emails queued at ${Math.round(ours.emailsPerSecond).toLocaleString('en')}/s; floor: two plain INSERT … SELECT, no rendering, no event`,
    })
    process.stderr.write('done\n')
  }

  const report = {
    date: new Date().toISOString(),
    database: `${label}, sessions in ${options.sessions === 'database' ? 'the database' : 'memory'}`,
    cores: os.cpus().length,
    node: process.version,
    runs: options.runs,
    warmup: options.warmup,
    sizes,
    cases: results,
  }
  printReport(report)
  await mkdir('bench/results', { recursive: true })
  const json = `${JSON.stringify(report, null, 2)}\n`
  await writeFile('bench/results/latest.json', json)
  // Kept per run too, so two runs can be set side by side.
  await writeFile(`bench/results/${report.date.replace(/[:.]/g, '-')}-${sizes.clients}.json`, json)
  await dataSource.destroy()
}

await main()
