// Jest's global setup (jest.config.js): with MYSQL_URL, the MariaDB schema of the current sources
// made once for the run (test/support/mysqlTemplate.ts), copied into each test file's database.
// Jest's global setup does not go through moduleNameMapper: the TypeScript is loaded with tsx.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

export default async function globalSetup(_globalConfig, projectConfig) {
  // The unit suite's own run (not the browser suite, which calls this setup from its own): each
  // worker makes the SQLite schema and the seeded demo once and copies them into each file's
  // database (test/support/databases.ts, test/support/seedTemplate.ts), kept in this folder;
  // removed by the teardown.
  if (projectConfig?.globalSetup === fileURLToPath(import.meta.url)) {
    process.env.TEST_TEMPLATE_DIR = mkdtempSync(path.join(os.tmpdir(), 'adminjs-clients-templates-'))
    globalThis.templateDirOwned = true
  }
  if (!process.env.MYSQL_URL || process.env.TEST_MYSQL_TEMPLATE) return
  const { makeMysqlTemplate } = await tsImport('./mysqlTemplate.ts', import.meta.url)
  try {
    // The workers inherit it: createTestDatabase copies that schema instead of migrating.
    process.env.TEST_MYSQL_TEMPLATE = await makeMysqlTemplate(process.env.MYSQL_URL)
    globalThis.mysqlTemplateOwned = true
  } catch (error) {
    // Each file migrates its own database then (and reports what is wrong with MariaDB).
    console.warn(`\nno MariaDB template schema, each test database migrates: ${error.message}`)
  }
}
