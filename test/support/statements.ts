import type { DataSource } from 'typeorm'

/** Every SQL statement TypeORM sends while `run` runs, in order. */
export async function sqlOf(dataSource: DataSource, run: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  const seen: string[] = []
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query)
    return original(query, parameters, runner)
  }
  try {
    await run()
  } finally {
    logger.logQuery = original
  }
  return seen
}

/** Counts every SQL statement TypeORM sends while `run` runs. */
export async function statementsOf(dataSource: DataSource, run: () => Promise<unknown>): Promise<number> {
  return (await sqlOf(dataSource, run)).length
}
