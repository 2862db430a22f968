import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A commission file of test/fixtures/import. */
export const importFixture = (name: string) => path.join(root, 'test', 'fixtures', 'import', name)

/** The file the demo offers to try the import on. */
export const demoImportFile = path.join(root, 'demo', 'fixtures', 'commissions-demo.csv')
