import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { fileURLToPath } from 'node:url'

// Layers (see README, "Layout"): data flows resources → actions → services → entities; components
// are the browser's; shared is pure. Each block lists what a layer may not import; a type-only
// import of a shared type is allowed where noted. `test/layers.test.ts` proves a violation fails.
const layer = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/**`, `./${name}/**`]
const noDemo = { group: ['**/demo/**', '**/demo'], message: 'The plugin never imports the demo.' }
const layerRules = [
  {
    files: ['src/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['services', 'entities', 'actions', 'resources', 'hooks', 'http', 'migrations'].flatMap(
                layer,
              ),
              message:
                'Components run in the browser: import from shared/ (types from the server are fine with `import type`).',
              allowTypeImports: true,
            },
            noDemo,
          ],
        },
      ],
    },
  },
  {
    files: ['src/entities/**', 'src/migrations/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['services', 'actions', 'resources', 'hooks', 'http', 'components'].flatMap(layer),
              message: 'Entities and migrations import no service (a migration stays as it was written).',
            },
            noDemo,
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['actions', 'resources', 'hooks', 'http', 'components'].flatMap(layer),
              message:
                'Services hold the rules: they import no action, resource, hook, router code or component.',
            },
            noDemo,
          ],
        },
      ],
    },
  },
  {
    files: ['src/actions/**', 'src/hooks/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['resources', 'http'].flatMap(layer),
              message: 'Actions and hooks are built by resources, not the other way round.',
            },
            {
              group: layer('components'),
              message: 'Actions name components by the ids components/index.ts gives (import type only).',
              allowTypeImports: true,
            },
            noDemo,
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...[
                  'services',
                  'entities',
                  'actions',
                  'resources',
                  'hooks',
                  'http',
                  'migrations',
                  'components',
                ].flatMap(layer),
                'node:*',
                'typeorm',
                'adminjs',
                '@adminjs/*',
                'express',
                'react',
              ],
              message:
                'shared/ is pure code for the browser and the server: no node, typeorm, adminjs or layer imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: [
      'src/components/**',
      'src/entities/**',
      'src/migrations/**',
      'src/services/**',
      'src/actions/**',
      'src/hooks/**',
      'src/shared/**',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noDemo] }] },
  },
]

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.adminjs', 'coverage', '.pack-test', 'test/host-app/bed'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/components/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // the demo, scripts and benchmarks are command-line programs: printing is their job
    files: ['demo/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // No promise left to reject unseen: a rejected query that nobody awaits ends the process.
    // Type-aware, so only for the code that runs as a server (the project service reads tsconfig.json).
    files: ['src/**/*.ts', 'src/**/*.tsx', 'demo/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...layerRules,
)
