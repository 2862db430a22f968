// Browser tests (Debian's Chromium through playwright-core), run by `npm run test:e2e` and .ci/run.
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
}
