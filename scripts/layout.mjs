// The layer table's two readers besides dependency-cruiser's CLI: README's "Layout" table
// (`npm run layout` writes it; test/layers.test.ts fails when README differs) and the cruise
// of any copy of src (the test plants forbidden imports in one).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise } from 'dependency-cruiser'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import * as prettier from 'prettier'
import config from '../.dependency-cruiser.mjs'
import { layout, SERVICE_ROOMS } from '../layers.config.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const START =
  '<!-- layout:start (written by `npm run layout` from layers.config.mjs: edit that file) -->'
export const END = '<!-- layout:end -->'

const label = (id) =>
  SERVICE_ROOMS.includes(id)
    ? `services/${id}`
    : (
        layout.find((row) => row.id === id).folders.find((f) => f.endsWith('/')) ??
        layout.find((row) => row.id === id).folders[0]
      )
        .replace(/^src\//, '')
        .replace(/\{.*\}\/$/, '')

const code = (text) => `\`${text}\``

/** Row ids as README names them: every service room at once as `services/*`. */
function names(ids) {
  const rooms = SERVICE_ROOMS.every((id) => ids.includes(id))
  const rest = ids.filter((id) => !(rooms && SERVICE_ROOMS.includes(id)))
  const first = rest.findIndex(
    (id) =>
      SERVICE_ROOMS.includes(id) ||
      layout.findIndex((r) => r.id === id) > layout.findIndex((r) => r.id === 'hooks'),
  )
  const labels = rest.map((id) => code(label(id)))
  if (rooms) labels.splice(first === -1 ? labels.length : first, 0, code('services/*'))
  return labels.join(', ')
}

function mayImport(row) {
  const typeOnly = row.typeOnly ?? []
  const others = layout.filter((r) => r.id !== row.id && !typeOnly.includes(r.id)).map((r) => r.id)
  const parts = []
  if (others.every((id) => row.imports.includes(id))) parts.push('every other layer')
  else if (row.imports.length === 0) parts.push('no other layer')
  else parts.push(names(row.imports))
  if (typeOnly.length > 0) parts.push(`${names(typeOnly)} with \`import type\` only`)
  if (row.node === false) parts.push('no node built-in (bare or `node:`)')
  if (row.packages) parts.push(`packages: ${row.packages.map(code).join(', ')} only`)
  return parts.join('; ')
}

const cell = (text) => text.replace(/\|/g, '\\|')

/** The Layout section between the markers, before prettier. */
export function layoutSection() {
  const rows = layout.map(
    (row) => `| ${row.folders.map(code).join(', ')} | ${cell(row.holds)} | ${cell(mayImport(row))} |`,
  )
  return [
    'Layers from top to bottom, data flowing down and never back up; inside services, a room per domain. ' +
      '`npm run lint` enforces this table with dependency-cruiser (`.dependency-cruiser.mjs` builds its rules from ' +
      '`layers.config.mjs`, the one place the table is declared; `test/layers.test.ts` plants every forbidden import ' +
      'in a copy of `src` and expects each refused), and refuses import cycles of values, a dynamic `import()` of the ' +
      "plugin's own code, an import of `demo/`, `bench/`, `test/`, `examples/` or `scripts/`, and any file of `src` " +
      'outside the table. `test/layers.test.ts` also keeps every file at 350 lines or fewer, but the locale tables.',
    '',
    `The service rooms, bottom first (a room imports only rooms before it): ${SERVICE_ROOMS.map(code).join(' → ')}.`,
    '',
    '| folder | what it holds | may import |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n')
}

/** README with its Layout section as the table gives it, formatted as `prettier --check` wants. */
export async function readmeWithLayout(readme = readFileSync(path.join(root, 'README.md'), 'utf8')) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`)
  const text = `${readme.slice(0, start + START.length)}\n\n${layoutSection()}\n\n${readme.slice(end)}`
  const options = await prettier.resolveConfig(path.join(root, 'README.md'))
  return prettier.format(text, { ...options, parser: 'markdown' })
}

/** Cruises `baseDir/src` with the layer rules; the violations (none on the real tree). */
export async function cruiseLayers(baseDir = root) {
  const tsConfig = path.join(baseDir, 'tsconfig.json')
  const result = await cruise(
    ['src'],
    {
      ...config.options,
      baseDir,
      validate: true,
      ruleSet: { forbidden: config.forbidden, options: config.options },
      tsConfig: { fileName: tsConfig },
    },
    {},
    { tsConfig: extractTSConfig(tsConfig) },
  )
  return result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    cycle: v.cycle?.map((step) => step.name),
  }))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = path.join(root, 'README.md')
  const next = await readmeWithLayout()
  if (process.argv.includes('--check')) {
    if (next !== readFileSync(readme, 'utf8')) {
      console.error('README.md Layout differs from layers.config.mjs: run `npm run layout`')
      process.exit(1)
    }
  } else {
    writeFileSync(readme, next)
    console.log('README.md Layout written from layers.config.mjs')
  }
}
