// Every export of every published entry has a doc comment, as an app's editor
// shows it: read from the declarations the build wrote (dist/ and the check
// package's packages/check/dist/, which `npm test` builds first), so a
// comment the bundling of declarations drops counts as missing too. A
// function's comment may be its call signature's (a locale's members are
// typed by the LocaleApi interface, whose members carry them).
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {locales} from '../src/index.js'
import {ROOT} from './helpers.js'

const ENTRIES = ['dist/index.d.cts', 'dist/render.d.cts', 'dist/check.d.cts', 'packages/check/dist/index.d.cts', ...locales.flatMap((tag) => [`dist/locales/${tag}/index.d.cts`, `dist/locales/${tag}/render.d.cts`])]

/** The names each declaration file exports, and those without a doc comment. */
function undocumented(files: readonly string[]): Record<string, {exports: number; undocumented: string[]}> {
  const program = ts.createProgram(files.map((file) => path.join(ROOT, file)), {module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true})
  const checker = program.getTypeChecker()
  const comment = (parts: readonly ts.SymbolDisplayPart[]): string => ts.displayPartsToString([...parts]).trim()
  return Object.fromEntries(
    files.map((file) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, file))!)!
      const names = checker.getExportsOfModule(module)
      const missing = names.filter((exported) => {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
        if (comment(symbol.getDocumentationComment(checker)) !== '') return false
        const signature = symbol.valueDeclaration === undefined ? undefined : checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration).getCallSignatures()[0]
        return signature === undefined || comment(signature.getDocumentationComment(checker)) === ''
      })
      return [file, {exports: names.length, undocumented: missing.map((symbol) => symbol.name)}]
    }),
  )
}

describe('doc comments', () => {
  it('are on every export of every published entry', () => {
    const found = undocumented(ENTRIES)
    expect(found).toEqual(Object.fromEntries(ENTRIES.map((file) => [file, {exports: expect.any(Number), undocumented: []}])))
    // An entry whose re-exports did not resolve would pass unread.
    for (const [file, {exports}] of Object.entries(found)) expect(exports, file).toBeGreaterThan(1)
  })
})
