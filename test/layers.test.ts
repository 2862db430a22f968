import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { folderPattern, layout, SERVICE_ROOMS, type LayoutRow } from '../layers.config.mjs'
import { cruiseLayers, readmeWithLayout, type LayerViolation } from '../scripts/layout.mjs'

// The layer table (layers.config.mjs) is enforced by dependency-cruiser (`npm run lint`). This
// test plants, in a copy of src under the system's temporary folder, one import for every pair of
// rows the table forbids, and the built-in, package, dynamic, type-only, cycle and outside cases;
// one cruise of the copy must refuse each by its rule's name and let every allowed one pass.

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : []
  })
const directories = (dir: string): string[] =>
  readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((full) => statSync(full).isDirectory())
    .flatMap((full) => [full, ...directories(full)])

const byId = new Map(layout.map((row) => [row.id, row]))
const inRow = (file: string) =>
  layout.find((row) => row.folders.some((f) => new RegExp(folderPattern(f)).test(file)))

/** Where a row's planted files go (its first folder, first of a `{a,b}` list), or null for a row of files. */
const plantDir = (row: LayoutRow) =>
  row.folders.find((f) => f.endsWith('/'))?.replace(/\{([^,}]+)[^}]*\}/, '$1') ?? null
/** A real file of the row, to import. */
function targetOf(row: LayoutRow): string {
  const file = row.folders.find((f) => !f.endsWith('/'))
  if (file) return file
  const dir = plantDir(row) as string
  return path.posix.join(
    dir,
    readdirSync(dir)
      .filter((n) => /\.tsx?$/.test(n) && !n.includes('.spec.'))
      .sort()[0],
  )
}
const specifier = (fromFile: string, target: string) => {
  const rel = path.posix.relative(path.posix.dirname(fromFile), target).replace(/\.tsx?$/, '.js')
  return rel.startsWith('.') ? rel : `./${rel}`
}

interface Case {
  label: string
  /** The file holding the import (planted, or a real file of a row of files, appended to). */
  from: string
  code: string
  /** The rule that must refuse it; null: allowed. */
  rule: string | null
  /** The imported file when `from` is shared with other cases. */
  to?: string
}
const cases: Case[] = []
let planted = 0
function plant(
  row: LayoutRow,
  label: string,
  code: (from: string) => string,
  rule: string | null,
  to?: string,
) {
  const dir = plantDir(row)
  const from = dir ? `${dir}planted${++planted}.ts` : row.folders[0]
  cases.push({ label, from, code: code(from), rule, to: dir ? undefined : to })
}
// unique names: several cases may land in one file of a row of files
let names = 0
const valueImport = (target: string) => (from: string) =>
  `import { x as x${++names} } from '${specifier(from, target)}'\nexport const y${names} = x${names}\n`
const typeImport = (target: string) => (from: string) =>
  `import type { X as X${++names} } from '${specifier(from, target)}'\nexport type Y${names} = X${names}\n`

for (const row of layout) {
  const typeOnly = row.typeOnly ?? []
  for (const other of layout.filter((o) => o.id !== row.id)) {
    const target = targetOf(other)
    const label = `${row.id} → ${other.id}`
    if (row.imports.includes(other.id)) plant(row, `${label} (allowed)`, valueImport(target), null, target)
    else if (typeOnly.includes(other.id)) {
      plant(row, `${label}, a value`, valueImport(target), `layer-${row.id}-type-only`, target)
      plant(row, `${label}, a type (allowed)`, typeImport(target), null, target)
    } else {
      plant(row, `${label}, a value`, valueImport(target), `layer-${row.id}`, target)
      plant(row, `${label}, a type`, typeImport(target), `layer-${row.id}`, target)
    }
  }
  if (row.node === false) {
    for (const builtin of ['crypto', 'fs', 'node:fs', 'node:path']) {
      plant(
        row,
        `${row.id} → ${builtin}`,
        () => `import * as m from '${builtin}'\nexport const y = m\n`,
        `node-builtins-${row.id}`,
      )
    }
  }
  if (row.packages) {
    for (const name of [
      'typeorm',
      'express',
      'argon2',
      ...(row.id === 'shared' ? ['react', 'adminjs'] : []),
    ]) {
      plant(
        row,
        `${row.id} → package ${name}`,
        () => `import * as m from '${name}'\nexport const y = m\n`,
        `packages-${row.id}`,
      )
    }
    plant(
      row,
      `${row.id} → package ${row.packages[0]} (allowed)`,
      () => `import * as m from '${row.packages?.[0]}'\nexport const y = m\n`,
      null,
    )
  }
}

const row = (id: string) => byId.get(id) as LayoutRow
const dynamicImport = (target: string) => (from: string) =>
  `export const load = () => import('${specifier(from, target)}')\n`
// The kinds the issue found passing the old eslint rules, by name.
plant(
  row('components'),
  'issue: a component importing node:fs',
  () => "import { readFileSync } from 'node:fs'\nexport const y = readFileSync\n",
  'node-builtins-components',
)
plant(
  row('components'),
  'issue: a component importing typeorm',
  () => "import { In } from 'typeorm'\nexport const y = In\n",
  'packages-components',
)
plant(
  row('components'),
  'issue: a component importing the server locale',
  valueImport('src/locale/index.ts'),
  'layer-components',
)
plant(
  row('components'),
  'issue: a dynamic import() of a service',
  dynamicImport('src/services/list/clientList.ts'),
  'layer-components-type-only',
)
plant(
  row('actions'),
  'a dynamic import() of a service from an action',
  dynamicImport('src/services/list/clientList.ts'),
  'no-dynamic-import-of-src',
)
plant(
  row('core'),
  'issue: services/core → lifecycle',
  valueImport('src/services/lifecycle/statusTransitions.ts'),
  'layer-core',
)
plant(
  row('list'),
  'issue: list → lifecycle',
  valueImport('src/services/lifecycle/statusTransitions.ts'),
  'layer-list',
)
plant(row('mail'), 'issue: mail → import', valueImport('src/services/import/importUploads.ts'), 'layer-mail')
plant(
  row('shared'),
  "issue: shared importing bare 'crypto'",
  () => "import { randomBytes } from 'crypto'\nexport const y = randomBytes\n",
  'node-builtins-shared',
)
plant(
  row('shared'),
  "issue: shared importing bare 'fs'",
  () => "import fs from 'fs'\nexport const y = fs\n",
  'node-builtins-shared',
)
plant(row('hooks'), 'issue: a hook importing an action', valueImport('src/actions/index.ts'), 'layer-hooks')
plant(
  row('http'),
  'issue: http importing a resource',
  valueImport('src/resources/client.resource.ts'),
  'layer-http',
)
// The other forms of an import: a lazy import() of what a row may not import, a re-export.
plant(
  row('components'),
  'a lazy import() of node:fs in a component',
  () => "export const load = () => import('node:fs')\n",
  'node-builtins-components',
)
plant(
  row('components'),
  'a lazy import() of typeorm in a component',
  () => "export const load = () => import('typeorm')\n",
  'packages-components',
)
plant(
  row('core'),
  'services/core re-exporting lifecycle (export … from)',
  (f) => `export { suspend } from '${specifier(f, 'src/services/lifecycle/statusTransitions.ts')}'\n`,
  'layer-core',
)
plant(
  row('http'),
  'src importing the demo',
  (f) => `import { x } from '${specifier(f, 'demo/app.ts')}'\nexport const y = x\n`,
  'not-to-outside-src',
)
plant(
  row('list'),
  'src importing a test helper',
  (f) => `import { x } from '${specifier(f, 'test/support/x.ts')}'\nexport const y = x\n`,
  'not-to-outside-src',
)
plant(
  row('core'),
  'a path that resolves nowhere',
  () => "import { x } from './noSuchFile.js'\nexport const y = x\n",
  'not-to-unresolvable',
)
plant(
  row('accounts'),
  'a lazy import() of a package (allowed)',
  () => "export const load = () => import('argon2')\n",
  null,
)
plant(
  row('components'),
  'a component importing React and the design system (allowed)',
  () =>
    "import React from 'react'\nimport { Box } from '@adminjs/design-system'\nexport const y = [React, Box]\n",
  null,
)

const extraFiles: Record<string, string> = {
  // a cycle of values, refused; a cycle through an `import type`, allowed
  'src/services/core/plantedCycleA.ts': "import { b } from './plantedCycleB.js'\nexport const a = () => b\n",
  'src/services/core/plantedCycleB.ts': "import { a } from './plantedCycleA.js'\nexport const b = () => a\n",
  'src/services/core/plantedTypeCycleA.ts':
    "import type { B } from './plantedTypeCycleB.js'\nexport type A = B | 1\n",
  'src/services/core/plantedTypeCycleB.ts':
    "import { type A } from './plantedTypeCycleA.js'\nexport type B = A | 2\nexport const b = 2\n",
  // a folder outside the table
  'src/newRoom/planted.ts':
    "import { MAX_PASSWORD_LENGTH } from '../shared/limits.js'\nexport const y = MAX_PASSWORD_LENGTH\n",
  'demo/app.ts': 'export const x = 1\n',
  'test/support/x.ts': 'export const x = 1\n',
}

let copy: string
let violations: LayerViolation[]
beforeAll(async () => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'layers-'))
  cpSync('src', path.join(copy, 'src'), { recursive: true })
  cpSync('tsconfig.json', path.join(copy, 'tsconfig.json'))
  symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'), 'dir')
  for (const c of cases) {
    if (c.from.includes('/planted')) writeFileSync(path.join(copy, c.from), c.code)
    else appendFileSync(path.join(copy, c.from), `\n${c.code}`)
  }
  for (const [file, text] of Object.entries(extraFiles)) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true })
    writeFileSync(path.join(copy, file), text)
  }
  violations = await cruiseLayers(copy)
}, 240_000)
afterAll(() => rmSync(copy, { recursive: true, force: true }))

const refusalsOf = (c: Case) =>
  violations.filter((v) => v.from === c.from && (c.to === undefined || v.to === c.to))

test('the planted cases cover every forbidden pair of rows and the issue’s kinds', () => {
  expect(cases.filter((c) => c.rule !== null).length).toBeGreaterThanOrEqual(30)
  expect(cases.filter((c) => c.label.startsWith('issue:')).length).toBe(11)
})

test.each(cases.filter((c) => c.rule !== null).map((c) => [c.label, c] as const))(
  'refused: %s',
  (_label, c) => {
    expect(refusalsOf(c).map((v) => v.rule)).toContain(c.rule)
  },
)

test.each(cases.filter((c) => c.rule === null).map((c) => [c.label, c] as const))(
  'allowed: %s',
  (_label, c) => {
    expect(refusalsOf(c)).toEqual([])
  },
)

test('a cycle of values is refused, a cycle through a type is not', () => {
  const cycles = violations.filter((v) => v.rule === 'no-circular').map((v) => v.from)
  expect(cycles).toContain('src/services/core/plantedCycleA.ts')
  expect(cycles.filter((f) => f.includes('TypeCycle'))).toEqual([])
})

test('a file outside the table is refused', () => {
  expect(violations).toContainEqual(
    expect.objectContaining({ rule: 'outside-the-layout', from: 'src/newRoom/planted.ts' }),
  )
})

test('the real src has no violation', async () => {
  expect(await cruiseLayers()).toEqual([])
}, 240_000)

test('README’s Layout section is the one the table gives (`npm run layout`)', async () => {
  const readme = readFileSync('README.md', 'utf8')
  expect(await readmeWithLayout(readme)).toBe(readme)
})

test('every folder and file of src sits in a row of the table', () => {
  const posix = (p: string) => p.split(path.sep).join('/')
  expect(
    directories('src')
      .map((d) => `${posix(d)}/`)
      .filter(
        (dir) =>
          !layout.some(
            (row) =>
              row.folders.some((f) => new RegExp(folderPattern(f)).test(dir)) ||
              row.folders.some((f) => f.startsWith(dir)),
          ),
      ),
  ).toEqual([])
  expect(
    sourceFiles('src')
      .map(posix)
      .filter((file) => !inRow(file)),
  ).toEqual([])
})

test('the table names rows that exist, and a service room imports only rooms below it', () => {
  for (const r of layout) {
    for (const id of [...r.imports, ...(r.typeOnly ?? [])])
      expect([r.id, id, byId.has(id)]).toEqual([r.id, id, true])
    if (SERVICE_ROOMS.includes(r.id)) {
      const below = SERVICE_ROOMS.slice(0, SERVICE_ROOMS.indexOf(r.id))
      expect([r.id, r.imports.filter((id) => SERVICE_ROOMS.includes(id) && !below.includes(id))]).toEqual([
        r.id,
        [],
      ])
    }
  }
})

test('no file in src passes 350 lines, but the locale tables', () => {
  const long = sourceFiles('src')
    .filter((file) => !file.startsWith(path.join('src', 'locale')))
    .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const)
    .filter(([, lines]) => lines > 350)
  expect(long).toEqual([])
})
