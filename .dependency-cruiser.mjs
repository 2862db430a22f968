// dependency-cruiser's rules, built from the layer table in layers.config.mjs (never edit the
// rules here: edit the table). `npm run lint` runs it on src; test/layers.test.ts plants every
// kind of forbidden import in a copy of src and expects each refused by its rule's name.
import { folderPattern, layout, NOT_IMPORTED_BY_SRC } from './layers.config.mjs'

const escape = (text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')

const byId = new Map(layout.map((row) => [row.id, row]))
const pathsOf = (ids) => ids.flatMap((id) => byId.get(id).folders.map(folderPattern))
const packagePattern = (names) => `^(node_modules/)?(${names.map(escape).join('|')})(/|$)`
/** Specs beside their modules are tests: they may use the test's packages and import what they test lazily. */
const SPEC = '\\.spec\\.tsx?$'
const list = (ids) => (ids.length > 0 ? ids.join(', ') : 'no other layer')

/** The rules one row of the table gives. */
function rowRules(row) {
  const from = { path: pathsOf([row.id]) }
  const allowed = [row.id, ...row.imports]
  const typeOnly = row.typeOnly ?? []
  const rules = [
    {
      name: `layer-${row.id}`,
      comment: `${row.folders.join(', ')} may import ${list(row.imports)}${typeOnly.length > 0 ? `; ${typeOnly.join(', ')} with \`import type\` only` : ''} (README, Layout)`,
      severity: 'error',
      from,
      to: { path: '^src/', pathNot: pathsOf([...allowed, ...typeOnly]) },
    },
  ]
  if (typeOnly.length > 0) {
    rules.push({
      name: `layer-${row.id}-type-only`,
      comment: `${row.folders.join(', ')} may import ${typeOnly.join(', ')} with \`import type\` only`,
      severity: 'error',
      from,
      to: { path: pathsOf(typeOnly), dependencyTypesNot: ['type-only'] },
    })
  }
  if (row.node === false) {
    rules.push({
      name: `node-builtins-${row.id}`,
      comment: `${row.folders.join(', ')} runs in the browser or is pure: no node built-in (bare or node:)`,
      severity: 'error',
      from: { ...from, pathNot: SPEC },
      to: { dependencyTypes: ['core'] },
    })
  }
  if (row.packages) {
    rules.push({
      name: `packages-${row.id}`,
      comment: `${row.folders.join(', ')} may import only the packages ${row.packages.join(', ')}`,
      severity: 'error',
      from: { ...from, pathNot: SPEC },
      to: { dependencyTypesNot: ['local', 'core', 'type-only'], pathNot: packagePattern(row.packages) },
    })
  }
  return rules
}

export const forbidden = [
  ...layout.flatMap(rowRules),
  {
    name: 'no-dynamic-import-of-src',
    comment:
      'No `import()` of the plugin’s own code: the layers and the bundle read static imports (an optional package may be imported lazily)',
    severity: 'error',
    from: { path: '^src/', pathNot: SPEC },
    to: { path: '^src/', dependencyTypes: ['dynamic-import'] },
  },
  {
    name: 'no-circular',
    comment: 'No import cycle of values (an `import type` is gone once compiled)',
    severity: 'error',
    from: { path: '^src/' },
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  {
    name: 'not-to-outside-src',
    comment: `src never imports ${NOT_IMPORTED_BY_SRC.join(', ')}`,
    severity: 'error',
    from: { path: '^src/' },
    to: { path: `^(${NOT_IMPORTED_BY_SRC.join('|')})/` },
  },
  {
    name: 'not-to-unresolvable',
    comment: 'Every import of src resolves (a misspelt path would escape every rule above)',
    severity: 'error',
    from: { path: '^src/' },
    to: { couldNotResolve: true },
  },
  {
    name: 'outside-the-layout',
    comment: 'Every file of src sits in a row of the layer table (layers.config.mjs)',
    severity: 'error',
    from: { path: '^src/', pathNot: pathsOf(layout.map((row) => row.id)) },
    to: {},
  },
]

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // test/layers.test.ts cruises a copy of src whose node_modules is a link to this one
    preserveSymlinks: true,
  },
}
