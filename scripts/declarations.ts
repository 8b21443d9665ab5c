// The package's declaration files (dist/{index,render,check}.d.{ts,cts}),
// without a type-checking program: each source file's declarations are
// emitted on their own (TypeScript's isolated declarations: every export
// carries its type in its own text), then bundled into one file per entry by
// rollup-plugin-dts. A whole program (tsup's `dts`) parses every library the
// code reaches and checks it all, once per entry; that was most of a cold
// `npm run build`. Type errors are `npm run typecheck`'s job (and the test
// suite's), not the build's.
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** One declaration bundle: `dist/<name>.d.ts` and `.d.cts` from `source`. */
export interface DeclarationEntry {
  /** Output name, e.g. `index`. */
  readonly name: string
  /** The entry's source file, relative to the project root, e.g. `src/index.ts`. */
  readonly source: string
  /** Inline the types of the packages it imports (the check entry bundles them in). */
  readonly inlinePackages: boolean
}

/** The package's declaration bundles: the two runtime entries' and the check entry's (with the pipeline's packages inlined, so an app needs none of them installed for its types). */
export const PACKAGE_DECLARATIONS: readonly DeclarationEntry[] = [
  {name: 'index', source: 'src/index.ts', inlinePackages: false},
  {name: 'render', source: 'src/render/index.ts', inlinePackages: false},
  {name: 'check', source: 'pipeline/check.ts', inlinePackages: true},
]

/** Thrown when a source file's declarations cannot be emitted on their own. */
export class DeclarationError extends Error {
  override name = 'DeclarationError'
}

/**
 * Every relative module the entries reach (imports, type imports,
 * re-exports), as absolute .ts paths, in a stable order.
 */
async function closure(ts: typeof import('typescript'), root: string, sources: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const pending = sources.map((source) => path.resolve(root, source))
  while (pending.length > 0) {
    const file = pending.pop()!
    if (files.has(file)) continue
    const text = await readFile(file, 'utf8')
    files.set(file, text)
    for (const {fileName} of ts.preProcessFile(text, true, false).importedFiles) {
      if (!fileName.startsWith('.')) continue
      pending.push(path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts'))
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * Write each entry's bundled declarations into `outDir` as `<name>.d.ts` and
 * `<name>.d.cts` (the same text: the package has no default export, so the
 * CommonJS view of the types is the ESM one).
 *
 * @param root - The project root (its node_modules resolves the packages `inlinePackages` entries inline).
 * @param outDir - Where to write.
 * @param entries - The bundles to make.
 * @throws {DeclarationError} When a reached file has an export whose type is not written in its own text.
 */
export async function writeDeclarations(root: string, outDir: string, entries: readonly DeclarationEntry[]): Promise<void> {
  const ts = (await import('typescript')).default
  const files = await closure(ts, root, entries.map((entry) => entry.source))
  // Inside the project, so that bare imports resolve from its node_modules.
  const scratch = path.join(root, 'node_modules', '.cache', 'ace-second-interview', `declarations-${process.pid}`)
  const compilerOptions: import('typescript').CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    declaration: true,
    isolatedDeclarations: true,
  }
  try {
    const problems: string[] = []
    for (const [file, text] of files) {
      const relative = path.relative(root, file)
      const {outputText, diagnostics = []} = ts.transpileDeclaration(text, {fileName: relative, compilerOptions, reportDiagnostics: true})
      for (const diagnostic of diagnostics) {
        const {line, character} = diagnostic.file !== undefined && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : {line: 0, character: 0}
        problems.push(`${relative}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)
      }
      const target = path.join(scratch, relative.replace(/\.ts$/, '.d.ts'))
      await mkdir(path.dirname(target), {recursive: true})
      await writeFile(target, outputText)
    }
    if (problems.length > 0) {
      throw new DeclarationError(
        `declarations: expected every export to carry its type in its own text (isolated declarations), found ${problems.length} that do not; annotate them:\n${problems.join('\n')}`,
      )
    }
    const [{rollup}, {dts}] = await Promise.all([import('rollup'), import('rollup-plugin-dts')])
    await Promise.all(
      entries.map(async (entry) => {
        const bundle = await rollup({
          input: path.join(scratch, entry.source.replace(/\.ts$/, '.d.ts')),
          plugins: [dts({respectExternal: true})],
          // Without inlining, every package stays an import (the runtime entries import none).
          ...(entry.inlinePackages ? {} : {external: (id: string) => !id.startsWith('.') && !path.isAbsolute(id)}),
          onwarn(warning, warn) {
            if (warning.code !== 'EMPTY_BUNDLE') warn(warning)
          },
        })
        const {output} = await bundle.generate({format: 'es'})
        await bundle.close()
        const code = output[0].code
        await writeFile(path.join(outDir, `${entry.name}.d.ts`), code)
        await writeFile(path.join(outDir, `${entry.name}.d.cts`), code)
      }),
    )
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}
