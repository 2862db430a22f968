import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { fileURLToPath } from 'node:url'

// The layers (README, "Layout") are dependency-cruiser's, built from layers.config.mjs and run by
// `npm run lint`: no eslint rule repeats them (dependency-cruiser expresses every one of them).

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
)
