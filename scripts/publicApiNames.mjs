// The names a `.d.ts` entry exports, one a line: `name` for a value (with its type, if any),
// `type name` for a type only. Used by `npm run lint:package` on dist/index.d.ts, compared with
// test/publicApi.exports.txt.
import ts from 'typescript'

const typeOnlyDeclaration = (declaration) =>
  (ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) ||
  (ts.isImportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) ||
  (ts.isImportClause(declaration) && declaration.isTypeOnly)

/** Sorted lines, one per exported name of `entry`. */
export function publicApiNames(entry) {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  if (!source) throw new Error(`${entry} not found (build the package first)`)
  const lines = []
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source))) {
    // Follow the chain of re-exports: one `export type` on the way makes the name a type only.
    let symbol = exported
    let typeOnly = false
    while (symbol.flags & ts.SymbolFlags.Alias) {
      if ((symbol.declarations ?? []).some(typeOnlyDeclaration)) typeOnly = true
      const next = checker.getImmediateAliasedSymbol(symbol)
      if (!next || next === symbol) break
      symbol = next
    }
    const value = !typeOnly && (symbol.flags & ts.SymbolFlags.Value) !== 0
    lines.push(value ? exported.name : `type ${exported.name}`)
  }
  const key = (line) => line.replace(/^type /, '')
  return lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
