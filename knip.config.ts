import { readFileSync } from 'node:fs'
import type { KnipConfig } from 'knip'

// `npm run lint:unused`: files, exports and dependencies nothing uses.
// The React components are loaded by file path (ComponentLoader.add in src/components/index.ts), not
// imported: each registered path is an entry, read from that file so the two cannot drift apart.
const registered = [
  ...readFileSync('src/components/index.ts', 'utf8').matchAll(/path\.join\(here, '([^']+)', '([^']+)'\)/g),
].map(([, folder, file]) => `src/components/${folder}/${file}.tsx`)

const config: KnipConfig = {
  entry: [
    'src/index.ts',
    ...registered,
    'demo/*.ts',
    'demo/migrations/*.ts',
    'scripts/*.{ts,mjs}',
    // bench/run.ts starts these as child processes (tsx <file>).
    'bench/{importCase,exportCase,campaignCase,loadClient,browserServer,chartBundle}.ts',
    'examples/*.ts',
    'test/**/*.{test,e2e,cluster}.ts',
    // Started as processes (plainAdmin, the host app's server) or loaded by jest's global setup.
    'test/e2e/plainAdmin.ts',
    'test/e2e/{globalSetup.mjs,buildBundle.ts}',
    'test/host-app/*.ts',
    'test/host-app/components/*.tsx',
    'test/cluster/{clusterRun.ts,globalSetup.mjs,globalTeardown.mjs}',
    'test/support/*.{ts,cjs,mjs}',
  ],
  project: [
    'src/**/*.{ts,tsx}',
    'demo/**/*.ts',
    'scripts/**/*.{ts,mjs}',
    'bench/**/*.ts',
    'examples/**/*.ts',
    'test/**/*.{ts,tsx,mjs,cjs}',
  ],
  // An export a file also uses itself is part of its own code, not dead.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Run through `npx` by scripts/lint-package.mjs.
    'publint',
    '@arethetypeswrong/cli',
    // AdminJS's components bundle provides them (AdminJS's own dependencies, globals in the browser).
    '@adminjs/design-system',
    'react-router',
    'react-redux',
    // Come with jest and with adminjs, in the versions those need.
    '@jest/globals',
    '@jest/test-sequencer',
    'i18next',
    // Read as a file by test/e2e/browser.ts (node_modules/axe-core/axe.min.js) and injected in the page.
    'axe-core',
  ],
}

export default config
