// The real 3-node Galera cluster tests, run by `npm run test:cluster` and .ci/run: one cluster for
// the run (test/cluster/globalSetup.ts), test files one after the other (they share its two cores).
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/test/cluster/**/*.cluster.ts', '<rootDir>/test/security/**/*.test.ts'],
  globalSetup: '<rootDir>/test/cluster/globalSetup.mjs',
  globalTeardown: '<rootDir>/test/cluster/globalTeardown.mjs',
  testTimeout: 180_000,
  maxWorkers: 1,
}
