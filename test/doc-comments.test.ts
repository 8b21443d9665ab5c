// Every export of every published entry has a doc comment, as an app's editor
// shows it: read from the declarations the build wrote (dist/, which `npm
// test` builds first), so a comment the bundling of declarations drops
// counts as missing too. A function's comment may be its call signature's (a
// locale's members are typed by the LocaleApi interface, whose members carry them).
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {locales} from '../src/index.js'
import {ROOT} from './helpers.js'

const ENTRIES = ['dist/index.d.cts', 'dist/render.d.cts', 'dist/check.d.cts', ...locales.flatMap((tag) => [`dist/locales/${tag}/index.d.cts`, `dist/locales/${tag}/render.d.cts`])]

/** The names each declaration file exports without a doc comment. */
function undocumented(files: readonly string[]): Record<string, string[]> {
  const program = ts.createProgram(files.map((file) => path.join(ROOT, file)), {module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true})
  const checker = program.getTypeChecker()
  const comment = (parts: readonly ts.SymbolDisplayPart[]): string => ts.displayPartsToString([...parts]).trim()
  return Object.fromEntries(
    files.map((file) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, file))!)!
      const missing = checker.getExportsOfModule(module).filter((exported) => {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
        if (comment(symbol.getDocumentationComment(checker)) !== '') return false
        const signature = symbol.valueDeclaration === undefined ? undefined : checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration).getCallSignatures()[0]
        return signature === undefined || comment(signature.getDocumentationComment(checker)) === ''
      })
      return [file, missing.map((symbol) => symbol.name)]
    }),
  )
}

describe('doc comments', () => {
  it('are on every export of every published entry', () => {
    expect(undocumented(ENTRIES)).toEqual(Object.fromEntries(ENTRIES.map((file) => [file, []])))
  })
})
