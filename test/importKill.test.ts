import { describeEachDatabase } from './support/databases.js'
import { runImportKillScenario } from './support/importKillScenario.js'

/**
 * Issue 14: `kill -9` of the instance running a 20,000-row import at about half. The other
 * instance (another process, on the same database) takes the job over once the lease has run out
 * and finishes it from its last committed chunk: the counts equal the dry run's, no commission is
 * written twice, none is missing.
 */
describeEachDatabase('import job killed at half', (database, kind) => {
  test('the other instance resumes it after the lease; counts equal the dry run; nothing twice', async () => {
    const db = database()
    const where: Record<string, string> =
      kind === 'mysql' ? { DATABASE_URL: db.url as string } : { DATA_DIR: db.dataDir }
    const figures = await runImportKillScenario({
      dataSource: db.dataSource,
      instances: [where, where],
      rows: 20_000,
      leaseMs: 3000,
    })
    const { dry, batch } = figures
    process.stdout.write(
      `kill test on ${kind}: killed at ${figures.killedAtRows} of 20000 rows, resumed and finished ` +
        `${(figures.resumeMs / 1000).toFixed(1)} s after the kill (lease 3 s), ${figures.commissions.total} ` +
        `commissions, ${figures.commissions.duplicates} twice\n`,
    )
    expect(figures.killedHow).toBe('SIGKILL')
    expect(figures.killedAtRows).toBeGreaterThanOrEqual(8000)
    expect(figures.killedAtRows).toBeLessThan(20_000)
    expect(batch.status).toBe('done')
    // Claimed by the killed instance, then by the survivor.
    expect(batch.attempts).toBe(2)
    expect({
      rows: batch.rowsRead,
      imported: batch.rowsImported,
      failed: batch.rowsFailed,
      clientsCreated: batch.clientsCreated,
      clientsMatched: batch.clientsMatched,
      contractsCreated: batch.contractsCreated,
    }).toEqual({
      rows: dry.rows,
      imported: dry.imported,
      failed: dry.failed,
      clientsCreated: dry.clientsCreated,
      clientsMatched: dry.clientsMatchedByNumber + dry.clientsMatchedByEmail + dry.clientsMatchedByName,
      contractsCreated: dry.contractsCreated,
    })
    expect(dry.rows).toBe(20_000)
    expect(figures.commissions).toEqual({ total: dry.imported, duplicates: 0 })
    expect(figures.clients).toBe(dry.clientsCreated)
    expect(figures.contracts).toBe(dry.contractsCreated)
    // The survivor stopped gracefully on SIGTERM.
    expect(figures.survivorExit).toBe(0)
  }, 300_000)
})
