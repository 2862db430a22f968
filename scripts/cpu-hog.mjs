#!/usr/bin/env node
// A CPU hog for timing tests: N busy loops (worker threads) for a bounded time, stopped on exit.
// Run the suite next to it to see that no test depends on the machine being quiet:
//   node scripts/cpu-hog.mjs [loops=2] [minutes=40] & npm run test:unit; kill %1
// Environment: HOG_LOOPS, HOG_MINUTES (the arguments win). Ctrl-C, SIGTERM or the time running
// out stop every loop; the loops are threads of this process, so nothing outlives it.
import { Worker } from 'node:worker_threads'

const loops = Number(process.argv[2] ?? process.env.HOG_LOOPS ?? 2)
const minutes = Number(process.argv[3] ?? process.env.HOG_MINUTES ?? 40)
if (!Number.isInteger(loops) || loops < 1 || loops > 64 || !(minutes > 0 && minutes <= 24 * 60)) {
  process.stderr.write('usage: node scripts/cpu-hog.mjs [loops 1–64, default 2] [minutes, default 40]\n')
  process.exit(2)
}

const busy = 'for (;;) { Math.sqrt(Math.random()) }'
const workers = Array.from({ length: loops }, () => new Worker(busy, { eval: true }))
process.stdout.write(`cpu-hog: ${loops} busy loop(s) for at most ${minutes} min (pid ${process.pid})\n`)

let stopping = false
async function stop(why) {
  if (stopping) return
  stopping = true
  await Promise.all(workers.map((w) => w.terminate()))
  process.stdout.write(`cpu-hog: stopped (${why})\n`)
  process.exit(0)
}
const timer = setTimeout(() => void stop('time is up'), minutes * 60_000)
timer.unref?.()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal))
// The workers keep the process alive until the timer or a signal stops them.
setInterval(() => {}, 60_000)
