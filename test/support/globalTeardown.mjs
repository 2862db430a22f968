import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import mysql from 'mysql2/promise'
import { tsImport } from 'tsx/esm/api'

/** The run's templates: the folder (SQLite files) and the MariaDB databases its seed-mysql-*.json name. */
async function dropTemplates(dir) {
  const databases = readdirSync(dir)
    .filter((name) => name.startsWith('seed-mysql-') && name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')).source)
  rmSync(dir, { recursive: true, force: true })
  if (!databases.length || !process.env.MYSQL_URL) return
  const connection = await mysql.createConnection({ uri: process.env.MYSQL_URL })
  try {
    for (const name of databases) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  } finally {
    await connection.end()
  }
}

export default async function globalTeardown() {
  if (globalThis.templateDirOwned) await dropTemplates(process.env.TEST_TEMPLATE_DIR)
  if (!globalThis.mysqlTemplateOwned) return
  const { dropMysqlTemplate } = await tsImport('./mysqlTemplate.ts', import.meta.url)
  await dropMysqlTemplate(process.env.MYSQL_URL, process.env.TEST_MYSQL_TEMPLATE)
}
