// ts-jest only transpiles here (isolatedModules); `npm test` type-checks with `tsc --noEmit` first.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  // Specs of pure modules sit beside them in src; database and HTTP suites are in test/.
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.spec.ts'],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.cjs'],
  // The host-app bed holds installed copies of the package: not modules of this repository.
  modulePathIgnorePatterns: ['<rootDir>/test/host-app/bed/'],
  testTimeout: 60_000,
  maxWorkers: 2,
}
