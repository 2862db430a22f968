import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'

// The layer rules live in eslint.config.js (run by `npm test` through `npm run lint`). These
// cases prove each rule refuses what it should: remove a rule and its case fails.
// Without type information: the cases are virtual files (no program holds them), and the layer
// rules read imports alone; the type-aware rules (no-floating-promises…) are `npm run lint`'s.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
})
const problems = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x]\n`, { filePath })
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length
}

test.each([
  [
    'a component importing a service',
    'src/components/clientShow/Bad.tsx',
    "import { x } from '../../services/list/clientList.js'",
  ],
  [
    'a component importing an entity',
    'src/components/common/Bad.tsx',
    "import { x } from '../../entities/Client.js'",
  ],
  [
    'an entity importing a service',
    'src/entities/Bad.ts',
    "import { x } from '../services/core/transaction.js'",
  ],
  [
    'a migration importing a service',
    'src/migrations/Bad.ts',
    "import { x } from '../services/list/clientSearch.js'",
  ],
  [
    'a service importing an action',
    'src/services/core/Bad.ts',
    "import { x } from '../../actions/client/list.action.js'",
  ],
  [
    'a service importing a component',
    'src/services/list/Bad.ts',
    "import { x } from '../../components/index.js'",
  ],
  ['shared code importing node', 'src/shared/Bad.ts', "import { x } from 'node:crypto'"],
  ['shared code importing typeorm', 'src/shared/Bad.ts', "import { x } from 'typeorm'"],
  ['shared code importing a service', 'src/shared/Bad.ts', "import { x } from '../services/core/money.js'"],
  [
    'an action importing a resource',
    'src/actions/client/Bad.ts',
    "import { x } from '../../resources/client.resource.js'",
  ],
  ['the plugin importing the demo', 'src/http/Bad.ts', "import { x } from '../../demo/app.js'"],
])('refused: %s', async (_label, file, code) => {
  expect(await problems(file, code)).toBe(1)
})

test.each([
  [
    'a component importing a server type',
    'src/components/clientShow/Ok.tsx',
    "import type { x } from '../../services/list/clientTabs.js'",
  ],
  [
    'a component importing shared code',
    'src/components/actionForm/Ok.tsx',
    "import { x } from '../../shared/limits.js'",
  ],
  ['an entity importing shared code', 'src/entities/Ok.ts', "import { x } from '../shared/searchText.js'"],
  [
    'a service importing an entity',
    'src/services/list/Ok.ts',
    "import { x } from '../../entities/Client.js'",
  ],
])('allowed: %s', async (_label, file, code) => {
  expect(await problems(file, code)).toBe(0)
})

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : []
  })

test('no file in src passes 350 lines, but the locale tables', () => {
  const long = sourceFiles('src')
    .filter((file) => !file.startsWith(path.join('src', 'locale')))
    .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const)
    .filter(([, lines]) => lines > 350)
  expect(long).toEqual([])
})

/** Value imports (not `import type`) between files of src: the graph a cycle would live in. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const files = sourceFiles('src')
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets: string[] = []
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      const base = path.join(path.dirname(file), match[1]).replace(/\.js$/, '')
      const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => files.includes(f))
      if (target) targets.push(target)
    }
    graph.set(file, targets)
  }
  return graph
}

test('no import cycle in src', () => {
  const graph = importGraph()
  const state = new Map<string, 'open' | 'done'>()
  const cycles: string[] = []
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '))
      return
    }
    state.set(file, 'open')
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file])
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file, [])
  expect(cycles).toEqual([])
})
