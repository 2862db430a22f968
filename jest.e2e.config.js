// Browser tests (Debian's Chromium through playwright-core), run by `npm run test:e2e` and .ci/run:
// the panel in production mode, its components bundled once for the run (test/e2e/globalSetup.mjs).
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/e2e/globalSetup.mjs',
  testTimeout: 180_000,
  maxWorkers: 1,
}
