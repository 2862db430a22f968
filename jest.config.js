// ts-jest only transpiles here (isolatedModules); `npm test` type-checks with `tsc --noEmit` first.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  // `.js` dropped from relative imports (ts sources); not from `x.json.js` modules (libphonenumber-js's metadata).
  moduleNameMapper: { '^(\\.{1,2}/.*)(?<!\\.json)\\.js$': '$1' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  // Specs of pure modules sit beside them in src (components' `*.spec.tsx` run in jsdom, named in
  // their docblock); database and HTTP suites are in test/.
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.mjs'],
  // Each file's CPU time, for the reporter's slowest files (wall and CPU).
  setupFilesAfterEnv: ['<rootDir>/test/support/fileCpu.ts'],
  // The host-app bed holds installed copies of the package: not modules of this repository.
  modulePathIgnorePatterns: ['<rootDir>/test/host-app/bed/'],
  // With MYSQL_URL: the MariaDB schema migrated once for the run, copied into each file's database.
  globalSetup: '<rootDir>/test/support/globalSetup.mjs',
  globalTeardown: '<rootDir>/test/support/globalTeardown.mjs',
  // The longest files first (test/support/slowFiles.json when jest has no timings cached, as in CI).
  testSequencer: '<rootDir>/test/support/slowestFirst.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
}
