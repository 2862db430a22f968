import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { DataSource } from 'typeorm'
import { Advisor, Client, Commission, Contract, ImportBatch, type DryRunReport } from '../../src/index.js'
import { CommissionImport } from '../../src/services/import/commissionImport.js'
import { proposeMapping } from '../../src/services/import/importRows.js'
import { commissionCsv } from './commissionCsv.js'
import { batchCounts, dryCounts } from './importCounts.js'
import { startInstances, type AppInstance } from './instances.js'

/** What the kill scenario saw, for the test's assertions and the report. */
export interface KillFigures {
  dry: DryRunReport['counts']
  batch: ImportBatch
  /** Rows the batch had committed when its worker was killed. */
  killedAtRows: number
  /** How the killed process ended (SIGKILL). */
  killedHow: number | NodeJS.Signals | null
  /** Commissions of the batch, and how many share an amount (each row's amount is its own). */
  commissions: { total: number; duplicates: number }
  clients: number
  contracts: number
  /** From the kill to the end of the import, in ms (the lease, then the rest of the rows). */
  resumeMs: number
  /** How the survivor ended on SIGTERM (0: a graceful stop). */
  survivorExit: number | NodeJS.Signals | null
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ACTOR = { email: 'kill-test@example.com', ip: '127.0.0.1' }

/**
 * The crash test of issue 14: two app instances (child processes, each with its worker) on the
 * database `dataSource` reaches, a `rows`-row import queued; the instance that claims it is killed
 * with SIGKILL at about half (progress polled in the database); the other takes the job over
 * after the lease and finishes it. `instances` are the two instances' environments (see
 * appInstance.ts): the same database URL (or DATA_DIR) for one server, or one node each on a
 * cluster; their schema is already made. Everything it starts is stopped before it returns or throws.
 */
export async function runImportKillScenario(options: {
  dataSource: DataSource
  instances: [Record<string, string>, Record<string, string>]
  rows?: number
  leaseMs?: number
  timeoutMs?: number
}): Promise<KillFigures> {
  const { dataSource } = options
  const rows = options.rows ?? 20_000
  const leaseMs = options.leaseMs ?? 3000
  let deadline = Infinity
  const dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-kill-'))
  const spawned: AppInstance[] = []
  try {
    const code = `K${Date.now().toString(36).toUpperCase()}`.slice(0, 12)
    await dataSource.getRepository(Advisor).save({ code, lastName: 'Kill' })
    const file = path.join(dir, 'kill.csv')
    await writeFile(file, commissionCsv(rows, code, code))
    // This process runs no worker: it plans (dry run), queues and watches.
    const importer = new CommissionImport(dataSource)
    const mapping = proposeMapping((await importer.readLayout(file)).headers)
    const dry = (await importer.dryRun(file, mapping)).counts

    const jobs = {
      JOBS_LEASE_MS: String(leaseMs),
      JOBS_HEARTBEAT_MS: String(Math.floor(leaseMs / 6)),
      JOBS_POLL_MS: '100',
    }
    // Both at once: each boot is seconds of tsx and module loading, mostly apart from the other's.
    spawned.push(
      ...(await startInstances(
        options.instances.map((env, i): [string, Record<string, string>] => [
          `kill ${'AB'[i]}`,
          { MIGRATE: '0', ...jobs, ...env },
        ]),
      )),
    )
    // From here: the instances' start is not counted (minutes on a busy machine).
    deadline = Date.now() + (options.timeoutMs ?? 240_000)
    const queued = await importer.start(ACTOR, file, 'kill.csv', mapping)
    const repo = dataSource.getRepository(ImportBatch)

    // About half: the first chunk past 40 % committed, by whichever instance claimed it.
    let holder: AppInstance | undefined
    let killedAtRows = 0
    while (!holder) {
      if (Date.now() > deadline) throw new Error('the import did not reach half in time')
      const batch = await repo.findOneByOrFail({ id: queued.id })
      if (batch.status === 'done') throw new Error('the import ended before the kill: use more rows')
      const pid = Number(batch.leaseOwner?.split('@')[0])
      if (batch.rowsRead >= rows * 0.4 && pid) {
        holder = spawned.find((s) => s.child.pid === pid)
        if (!holder) throw new Error(`the job is held by ${batch.leaseOwner}, not by an instance of the test`)
        void holder.kill()
        killedAtRows = batch.rowsRead
      } else await sleep(25)
    }
    const killedAt = Date.now()
    const killedHow = await holder.exited
    // What the killed process committed is what the batch says (its last chunk in flight is gone).
    killedAtRows = (await repo.findOneByOrFail({ id: queued.id })).rowsRead

    let batch = await repo.findOneByOrFail({ id: queued.id })
    while (batch.status === 'queued' || batch.status === 'running') {
      if (Date.now() > deadline)
        throw new Error(`the import was not finished in time: ${JSON.stringify(batch)}`)
      await sleep(100)
      batch = await repo.findOneByOrFail({ id: queued.id })
    }
    const resumeMs = Date.now() - killedAt

    const amounts: { amount: string }[] = await dataSource
      .getRepository(Commission)
      .createQueryBuilder('m')
      .select('m.amount', 'amount')
      .where('m.importBatchId = :id', { id: batch.id })
      .getRawMany()
    const survivor = spawned.find((s) => s !== holder) as AppInstance
    const survivorExit = await survivor.stop()
    return {
      dry,
      batch,
      killedAtRows,
      killedHow,
      commissions: {
        total: amounts.length,
        duplicates: amounts.length - new Set(amounts.map((a) => String(a.amount))).size,
      },
      clients: await dataSource.getRepository(Client).countBy({ importBatchId: batch.id }),
      contracts: await dataSource.getRepository(Contract).countBy({ importBatchId: batch.id }),
      resumeMs,
      survivorExit,
    }
  } finally {
    await Promise.all(spawned.map((s) => s.kill()))
    await rm(dir, { recursive: true, force: true })
  }
}

/** The figures in a line, for the test's output and the closing note. */
export function killFiguresLine(where: string, f: KillFigures, rows: number, leaseMs: number): string {
  return (
    `kill test on ${where}: killed at ${f.killedAtRows} of ${rows} rows, resumed and finished ` +
    `${(f.resumeMs / 1000).toFixed(1)} s after the kill (lease ${leaseMs / 1000} s); ${f.commissions.total} ` +
    `commissions (dry run: ${f.dry.imported}), ${f.commissions.duplicates} twice; ${f.clients} clients and ` +
    `${f.contracts} contracts created\n`
  )
}

/**
 * What the kill scenario must show: killed by SIGKILL at about half, claimed at least twice (the
 * killed instance, then the survivor), finished with the dry run's counts, no commission twice or missing,
 * and the survivor stopped gracefully on SIGTERM.
 */
export function expectResumedWhole(f: KillFigures, rows: number): void {
  expect(f.killedHow).toBe('SIGKILL')
  expect(f.killedAtRows).toBeGreaterThanOrEqual(rows * 0.4)
  expect(f.killedAtRows).toBeLessThan(rows)
  expect(f.batch.status).toBe('done')
  // At least the killed instance's claim and the survivor's; one more when a busy machine held a
  // heartbeat past the lease (the job then changes hands, still without a row twice: checked below).
  expect(f.batch.attempts).toBeGreaterThanOrEqual(2)
  expect(batchCounts(f.batch)).toEqual(dryCounts(f.dry))
  expect(f.dry.rows).toBe(rows)
  expect(f.commissions).toEqual({ total: f.dry.imported, duplicates: 0 })
  expect(f.clients).toBe(f.dry.clientsCreated)
  expect(f.contracts).toBe(f.dry.contractsCreated)
  expect(f.survivorExit).toBe(0)
}
