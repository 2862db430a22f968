import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A commission file of test/fixtures/import. */
export const importFixture = (name: string) => path.join(root, 'test', 'fixtures', 'import', name)

/** The file the demo offers to try the import on. */
export const demoImportFile = path.join(root, 'demo', 'fixtures', 'commissions-demo.csv')

export interface HashFixture {
  algorithm: string
  password: string
  hash: string
}

/** Hashes made by PHP 8.2's password_hash() (copied from shared/fixtures). */
export const phpHashes: HashFixture[] = JSON.parse(
  readFileSync(path.join(root, 'test', 'fixtures', 'php-password-hashes.json'), 'utf8'),
).hashes
