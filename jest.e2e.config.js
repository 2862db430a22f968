// Browser tests (Debian's Chromium through playwright-core), run by `npm run test:e2e` and .ci/run:
// the panel in production mode, its components bundled once for the run (test/e2e/globalSetup.mjs).
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/e2e/globalSetup.mjs',
  testTimeout: 180_000,
  // Two files at a time: each has its own demo app on a free port, its own SQLite folder and its own
  // Chromium; one file leaves a core idle much of the time (the page's scripts and axe in Chromium,
  // then the server in jest's process, rarely both at once; a walk's waits use neither).
  maxWorkers: 2,
}
