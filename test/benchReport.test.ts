import { jest } from '@jest/globals'
import { printReport, type BrowserPair, type Report } from '../bench/report.js'
import type { SideSummary } from '../bench/stats.js'

// The bench's browser case as `npm run bench` prints it (issue 30): its goals from its figures,
// and the plugin's weight as the difference of the two sides' scripts.

const side = (medianMs: number, jsKb: number): SideSummary => ({
  medianMs,
  p95Ms: medianMs * 1.2,
  queries: 0,
  bytes: jsKb * 1024,
  runs: 10,
})
const pair = (ours: number, peer: number): BrowserPair => ({
  ours: side(ours, 900),
  peer: side(peer, 400),
  peerOverOurs: peer / ours,
})
const kb = (n: number) => ({ raw: n * 1024, gzip: (n / 4) * 1024 })

function printed(list: BrowserPair, firstVisit: BrowserPair): string {
  const report: Report = {
    date: '2026-12-07T15:00:00.000Z',
    database: 'SQLite',
    cores: 2,
    node: 'v20',
    runs: 10,
    warmup: 5,
    sizes: { advisors: 50, clients: 200, contracts: 600, commissions: 2000 },
    cases: [
      {
        id: 'browser',
        name: 'browser: full load',
        kind: 'browser',
        list,
        client: pair(300, 330),
        firstVisit,
        weight: {
          scripts: [
            { name: 'app.bundle.js', ours: kb(1000), peer: kb(1000) },
            { name: 'components.bundle.js', ours: kb(600), peer: kb(2) },
          ],
          recharts: { ...kb(299), names: ['Bar', 'BarChart'] },
        },
      },
    ],
  }
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    printReport(report)
    return log.mock.calls.map((args) => String(args[0])).join('\n')
  } finally {
    log.mockRestore()
  }
}

test('the browser goals are met when ours loads no slower than plain AdminJS, and the list under 1 s', () => {
  const text = printed(pair(400, 500), pair(700, 650))
  expect(text).toContain(
    '- browser, client list: ours no slower than plain AdminJS: 400 ms against 500 ms, plain / ours 1.25, met',
  )
  expect(text).toContain(
    '- browser, first visit to the list: ours no slower than plain AdminJS: plain / ours 0.93, **not met**',
  )
  expect(text).toMatch(/full list load < 1 s \(issue 31, .*this set: 200\): 400 ms, first visit 700 ms, met/)
})

test('a list slower than plain AdminJS, or over 1 s, is not met', () => {
  const text = printed(pair(1200, 1000), pair(1500, 1600))
  expect(text).toContain('plain / ours 0.83, **not met**')
  expect(text).toMatch(/full list load < 1 s .*: 1200 ms, first visit 1500 ms, \*\*not met\*\*/)
})

test('what the plugin adds is the difference of the scripts, and recharts its share of it', () => {
  const text = printed(pair(400, 500), pair(700, 800))
  expect(text).toContain('| all | 1600.0 | 400.0 | 1002.0 | 250.5 |')
  expect(text).toContain('| the plugin adds | 598.0 | 149.5 | | |')
  expect(text).toContain('| of which recharts (2 imports) | 299.0 (50 %) | 74.8 (50 %) | | |')
  expect(text).toContain('recharts is 50 % of our components.bundle.js (50 % gzipped).')
})
