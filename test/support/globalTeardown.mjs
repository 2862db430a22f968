import { tsImport } from 'tsx/esm/api'

export default async function globalTeardown() {
  if (!globalThis.mysqlTemplateOwned) return
  const { dropMysqlTemplate } = await tsImport('./mysqlTemplate.ts', import.meta.url)
  await dropMysqlTemplate(process.env.MYSQL_URL, process.env.TEST_MYSQL_TEMPLATE)
}
