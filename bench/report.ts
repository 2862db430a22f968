import type { LargeSizes } from '../demo/seedLarge.js'
import type { BundleWeight } from './browserCase.js'
import type { LoadSide } from './load.js'
import type { SideSummary } from './stats.js'

interface ProcessSide {
  seconds: number
  peakRssMb: number
  [key: string]: number
}

/** One object per case in bench/results/latest.json: each side's figures and their ratios. */
export type CaseResult =
  | {
      id: string
      name: string
      kind: 'request'
      ours?: SideSummary
      floor?: SideSummary
      peer?: SideSummary
      /** Medians of the round-by-round ratios (requests made a few milliseconds apart). */
      ratios: { oursOverFloor?: number; peerOverOurs?: number }
      peakRssMb: number
      note?: string
    }
  | {
      id: string
      name: string
      kind: 'load'
      ours: LoadSide
      peer: LoadSide
      ratios: { oursOverPeerThroughput: number }
      note?: string
    }
  | {
      id: string
      name: string
      kind: 'process'
      ours: ProcessSide
      floor: ProcessSide
      ratios: { oursOverFloor: number }
      note?: string
    }
  | {
      id: string
      name: string
      kind: 'browser'
      /** Milliseconds from navigation to the first row (bytes: the JavaScript the page got). */
      list: BrowserPair
      /** To our client page's header; to plain AdminJS's record page shown. */
      client: BrowserPair
      /** The list in a new context (the browser's cache empty): a first visit. */
      firstVisit: BrowserPair
      weight: BundleWeight
      note?: string
    }
  | {
      id: string
      name: string
      kind: 'flat'
      /** The same case on the large data set and on the small one (`--against`). */
      large: SideSummary | ProcessSide
      small: SideSummary | ProcessSide
      ratios: { largeOverSmall: number; floorLargeOverSmall?: number }
      note?: string
    }

export interface BrowserPair {
  ours: SideSummary
  peer: SideSummary
  /** Median of the round-by-round ratios plain AdminJS / ours. */
  peerOverOurs: number
}

export interface Report {
  date: string
  database: string
  cores: number
  node: string
  runs: number
  warmup: number
  sizes: LargeSizes
  cases: CaseResult[]
}

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)
const kb = (n: number | undefined) => (n === undefined ? '–' : (n / 1024).toFixed(1))
const ms = (s: SideSummary | undefined) => (s ? `${fmt(s.medianMs)} (${fmt(s.p95Ms)})` : '–')
const mark = (ok: boolean) => (ok ? 'met' : '**not met**')

/** The Markdown tables of a run and which goals of issue 17 it meets, on stdout. */
export function printReport(report: Report): void {
  const { sizes } = report
  const out = [
    `${sizes.clients.toLocaleString('en')} clients, ${sizes.contracts.toLocaleString('en')} contracts, ${sizes.commissions.toLocaleString('en')} commissions — ${report.database}, ${report.cores} cores, Node ${report.node}; ${report.runs} rounds per case after ${report.warmup} warm-up, ours, floor and peer interleaved`,
    '',
  ]
  const requests = report.cases.filter((c) => c.kind === 'request')
  const goals: string[] = []
  if (requests.length) {
    out.push(
      '| case | ours ms median (p95) | floor ms | peer ms | ours / floor | peer / ours | SQL ours / floor / peer | KB ours / floor / peer |',
      '|---|---:|---:|---:|---:|---:|---|---|',
    )
    for (const c of requests) {
      out.push(
        `| ${c.name} | ${ms(c.ours)} | ${ms(c.floor)} | ${ms(c.peer)} | ${fmt(c.ratios.oursOverFloor)} | ${fmt(c.ratios.peerOverOurs)} | ${c.ours?.queries ?? '–'} / ${c.floor?.queries ?? '–'} / ${c.peer?.queries ?? '–'} | ${kb(c.ours?.bytes)} / ${kb(c.floor?.bytes)} / ${kb(c.peer?.bytes)} |`,
      )
      const ratio = c.ratios.oursOverFloor ?? NaN
      if (c.id === 'bulk') goals.push(`- bulk suspend ≤ 2× its floor: ${fmt(ratio)}, ${mark(ratio <= 2)}`)
      else {
        goals.push(`- ${c.name} ≤ 1.3× the floor: ${fmt(ratio)}, ${mark(ratio <= 1.3)}`)
        if (c.peer)
          goals.push(
            `- ${c.name} never slower than plain AdminJS: peer / ours ${fmt(c.ratios.peerOverOurs)}, ${mark((c.ratios.peerOverOurs ?? 0) >= 1)}`,
          )
      }
      if (c.id === 'list' && c.ours && c.floor) {
        const size = c.ours.bytes / c.floor.bytes
        goals.push(`- list response ≤ 2× the floor's bytes: ${fmt(size)}×, ${mark(size <= 2)}`)
      }
    }
    out.push('')
  }
  const loads = report.cases.filter((c) => c.kind === 'load')
  if (loads.length) {
    out.push(
      '| under load | ours req/s | ours p95 ms | peer req/s | peer p95 ms | ours / peer req/s | failed ours / peer |',
      '|---|---:|---:|---:|---:|---:|---|',
    )
    for (const c of loads) {
      out.push(
        `| ${c.name.replace('under load: ', '')} | ${fmt(c.ours.requestsPerSecond)} | ${fmt(c.ours.p95Ms)} | ${fmt(c.peer.requestsPerSecond)} | ${fmt(c.peer.p95Ms)} | ${fmt(c.ratios.oursOverPeerThroughput)} | ${c.ours.failed} / ${c.peer.failed} |`,
      )
      goals.push(
        `- ${c.name}: ours ≥ 2× plain AdminJS's throughput: ${fmt(c.ratios.oursOverPeerThroughput)}×, ${mark(c.ratios.oursOverPeerThroughput >= 2)}`,
      )
    }
    out.push('')
  }
  const processes = report.cases.filter((c) => c.kind === 'process')
  if (processes.length) {
    out.push(
      '| case | ours s | floor s | ours / floor | peak RSS MB ours / floor |',
      '|---|---:|---:|---:|---|',
    )
    for (const c of processes) {
      out.push(
        `| ${c.name} | ${fmt(c.ours.seconds)} | ${fmt(c.floor.seconds)} | ${fmt(c.ratios.oursOverFloor)} | ${c.ours.peakRssMb.toFixed(0)} / ${c.floor.peakRssMb.toFixed(0)} |`,
      )
      if (c.id === 'campaign') {
        const { planSeconds, emailsPerSecond, cpuSeconds, queued } = c.ours
        // Each goal on its own, from the figures measured in this run.
        goals.push(
          `- campaign (issue 29): planned ≤ 10 s: ${fmt(planSeconds)} s, ${mark(planSeconds <= 10)}; ` +
            `queued ≥ 5,000 emails/s: ${fmt(emailsPerSecond)} emails/s (${fmt(queued / cpuSeconds)} per CPU second of the process), ${mark(emailsPerSecond >= 5000)}; ` +
            `peak RSS < 300 MB: ${c.ours.peakRssMb.toFixed(0)} MB, ${mark(c.ours.peakRssMb < 300)}`,
        )
      }
      if (c.id === 'export') {
        goals.push(
          `- export ≤ 2× its floor (issue 30): ${fmt(c.ratios.oursOverFloor)}×, peak RSS ${c.ours.peakRssMb.toFixed(0)} MB (floor ${c.floor.peakRssMb.toFixed(0)} MB), ${mark(c.ratios.oursOverFloor <= 2)}`,
        )
      }
      if (c.id === 'import') {
        goals.push(
          `- import ≤ 2× its floor, peak RSS < 300 MB: ${fmt(c.ratios.oursOverFloor)}×, ${c.ours.peakRssMb.toFixed(0)} MB, ${mark(c.ratios.oursOverFloor <= 2 && c.ours.peakRssMb < 300)}`,
        )
      }
    }
    out.push('')
  }
  for (const c of report.cases) {
    if (c.kind !== 'browser') continue
    const pct = (part: number, whole: number | undefined) =>
      whole ? `${Math.round((100 * part) / whole)} %` : '–'
    out.push(
      '| in Chromium, full load | ours ms median (p95) | plain AdminJS ms median (p95) | plain / ours | JavaScript KB ours / plain |',
      '|---|---:|---:|---:|---|',
      `| client list: first row | ${ms(c.list.ours)} | ${ms(c.list.peer)} | ${fmt(c.list.peerOverOurs)} | ${kb(c.list.ours.bytes)} / ${kb(c.list.peer.bytes)} |`,
      `| client page: our header / plain AdminJS's record | ${ms(c.client.ours)} | ${ms(c.client.peer)} | ${fmt(c.client.peerOverOurs)} | ${kb(c.client.ours.bytes)} / ${kb(c.client.peer.bytes)} |`,
      `| client list, first visit (cache empty): first row | ${ms(c.firstVisit.ours)} | ${ms(c.firstVisit.peer)} | ${fmt(c.firstVisit.peerOverOurs)} | ${kb(c.firstVisit.ours.bytes)} / ${kb(c.firstVisit.peer.bytes)} |`,
      '',
      '| script a page loads (production) | ours KB | ours KB gzip | plain AdminJS KB | plain AdminJS KB gzip |',
      '|---|---:|---:|---:|---:|',
    )
    const total = { ours: { raw: 0, gzip: 0 }, peer: { raw: 0, gzip: 0 } }
    for (const script of c.weight.scripts) {
      for (const side of ['ours', 'peer'] as const) {
        total[side].raw += script[side]?.raw ?? 0
        total[side].gzip += script[side]?.gzip ?? 0
      }
      out.push(
        `| ${script.name} | ${kb(script.ours?.raw)} | ${kb(script.ours?.gzip)} | ${kb(script.peer?.raw)} | ${kb(script.peer?.gzip)} |`,
      )
    }
    const added = { raw: total.ours.raw - total.peer.raw, gzip: total.ours.gzip - total.peer.gzip }
    const components = c.weight.scripts.find((script) => script.name === 'components.bundle.js')?.ours
    const { recharts } = c.weight
    out.push(
      `| all | ${kb(total.ours.raw)} | ${kb(total.ours.gzip)} | ${kb(total.peer.raw)} | ${kb(total.peer.gzip)} |`,
      `| the plugin adds | ${kb(added.raw)} | ${kb(added.gzip)} | | |`,
      `| of which recharts (${recharts.names.length} imports) | ${kb(recharts.raw)} (${pct(recharts.raw, added.raw)}) | ${kb(recharts.gzip)} (${pct(recharts.gzip, added.gzip)}) | | |`,
      '',
      `recharts is ${pct(recharts.raw, components?.raw)} of our components.bundle.js (${pct(recharts.gzip, components?.gzip)} gzipped).`,
      '',
    )
    goals.push(
      `- browser, client list: ours no slower than plain AdminJS: ${fmt(c.list.ours.medianMs)} ms against ${fmt(c.list.peer.medianMs)} ms, plain / ours ${fmt(c.list.peerOverOurs)}, ${mark(c.list.peerOverOurs >= 1)}`,
      `- browser, client page (our header, plain AdminJS's record): ${fmt(c.client.ours.medianMs)} ms against ${fmt(c.client.peer.medianMs)} ms, plain / ours ${fmt(c.client.peerOverOurs)}, ${mark(c.client.peerOverOurs >= 1)}`,
      `- browser, first visit to the list: ours no slower than plain AdminJS: plain / ours ${fmt(c.firstVisit.peerOverOurs)}, ${mark(c.firstVisit.peerOverOurs >= 1)}`,
      `- browser, full list load < 1 s (issue 31, set on the demo's 200 clients; this set: ${sizes.clients.toLocaleString('en')}): ${fmt(c.list.ours.medianMs)} ms, first visit ${fmt(c.firstVisit.ours.medianMs)} ms, ${mark(c.list.ours.medianMs < 1000)}`,
    )
  }
  const flats = report.cases.filter((c) => c.kind === 'flat')
  if (flats.length) {
    const time = (s: SideSummary | ProcessSide) =>
      'medianMs' in s ? `${fmt(s.medianMs)} ms (${fmt(s.p95Ms)})` : `${fmt(s.seconds)} s`
    out.push(
      '| flat cost | ours, large set | ours, small set | ours large / small | floor large / small |',
      '|---|---:|---:|---:|---:|',
    )
    for (const c of flats) {
      out.push(
        `| ${c.name} | ${time(c.large)} | ${time(c.small)} | ${fmt(c.ratios.largeOverSmall)} | ${fmt(c.ratios.floorLargeOverSmall)} |`,
      )
      goals.push(
        `- ${c.name}: within 1.3× of its figure on the small set: ${fmt(c.ratios.largeOverSmall)}, ${mark(c.ratios.largeOverSmall <= 1.3)}`,
      )
    }
    out.push('')
  }
  const notes = report.cases.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`)
  out.push(...notes, '', 'Goals (issue 17):', ...goals)
  console.log(out.join('\n'))
}
