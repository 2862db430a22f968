import type { DataSource } from 'typeorm'

/** Counts every SQL statement TypeORM sends while `run` runs. */
export async function statementsOf(dataSource: DataSource, run: () => Promise<unknown>): Promise<number> {
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  let count = 0
  logger.logQuery = (query, parameters, runner) => {
    count += 1
    return original(query, parameters, runner)
  }
  try {
    await run()
  } finally {
    logger.logQuery = original
  }
  return count
}
