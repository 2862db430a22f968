// The browser tests' global setup (jest.e2e.config.js): the base one (MariaDB template), then the
// panel in production mode for the whole run. AdminJS's production components bundle is built once
// (test/e2e/buildBundle.ts, in its own process: nothing of AdminJS loads in jest's) into
// .adminjs/e2e, and kept there while the sources stay the same; every test file's demo app serves
// it (ADMIN_JS_SKIP_BUNDLE=true) with AdminJS's minified scripts, instead of bundling the components
// in development mode at its first page and loading 33 MB of scripts on every page.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import baseSetup from '../support/globalSetup.mjs'

export default async function globalSetup(globalConfig, projectConfig) {
  process.env.NODE_ENV = 'production'
  process.env.ADMIN_JS_TMP_DIR ??= path.resolve('.adminjs/e2e')
  delete process.env.ADMIN_JS_SKIP_BUNDLE
  await baseSetup(globalConfig, projectConfig)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'test/e2e/buildBundle.ts'],
    {
      env: process.env,
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  process.stdout.write(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('components bundle'))
      .map((l) => `\n${l}\n`)
      .join(''),
  )
  // The test files' apps (and the processes they start) inherit it.
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true'
}
