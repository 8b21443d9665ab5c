// The packages' declaration files (dist/{index,render}.d.{ts,cts} and the
// check package's dist/index.d.{ts,cts}),
// without TypeScript: each source file's declarations are emitted on their
// own by Oxc's isolated-declarations emitter (native, in rolldown; every
// export carries its type in its own text), then bundled into one file per
// entry by rolldown with rolldown-plugin-dts. Loading TypeScript's compiler
// (9 MB of JavaScript, compiled on every start) was most of a cold
// `npm run build`, and a whole program (tsup's `dts`) more still. Type errors
// are `npm run typecheck`'s job (and the test suite's), not the build's.
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

/** The package's declaration bundles: the two runtime entries'. */
export const PACKAGE_DECLARATIONS: readonly DeclarationEntry[] = [
  {name: 'index', source: 'src/index.ts', inlinePackages: false},
  {name: 'render', source: 'src/render/index.ts', inlinePackages: false},
]

/** The check package's (packages/check/), with the pipeline's packages inlined, so an app needs none of them installed for its types. */
export const CHECK_DECLARATIONS: readonly DeclarationEntry[] = [{name: 'index', source: 'pipeline/check.ts', inlinePackages: true}]

/** Thrown when a source file's declarations cannot be emitted on their own. */
export class DeclarationError extends Error {
  override name = 'DeclarationError'
}

type Parse = typeof import('rolldown/utils').parseSync

/**
 * Every relative module the entries reach (imports, type imports,
 * re-exports, `import()` of a literal), as absolute .ts paths, in a stable order.
 */
async function closure(parseSync: Parse, root: string, sources: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const pending = sources.map((source) => path.resolve(root, source))
  while (pending.length > 0) {
    const file = pending.pop()!
    if (files.has(file)) continue
    const text = await readFile(file, 'utf8')
    files.set(file, text)
    const {module} = parseSync(file, text)
    const specifiers = [
      ...module.staticImports.map((entry) => entry.moduleRequest.value),
      ...module.staticExports.flatMap((entry) => entry.entries.flatMap((item) => (item.moduleRequest === null ? [] : [item.moduleRequest.value]))),
      // The module record's spans count UTF-16 units (the declaration errors'
      // count UTF-8 bytes: see place()). Only a literal can be followed.
      ...module.dynamicImports.map(({moduleRequest}) => {
        const written = text.slice(moduleRequest.start, moduleRequest.end)
        const literal = /^(['"`])([^'"`$]*)\1$/.exec(written)
        if (literal === null) {
          const {line, column} = place(text, Buffer.byteLength(text.slice(0, moduleRequest.start)))
          throw new DeclarationError(`${path.relative(root, file)}:${line}:${column}: declarations: expected import() of a string literal, so its module's declarations can be bundled, received import(${written})`)
        }
        return literal[2]!
      }),
    ]
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) continue
      pending.push(path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'))
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** 1-based line and column (in UTF-16 units, as editors count) of a UTF-8 byte offset. */
function place(text: string, byteOffset: number): {line: number; column: number} {
  const before = Buffer.from(text).subarray(0, byteOffset).toString()
  const lines = before.split('\n')
  return {line: lines.length, column: lines.at(-1)!.length + 1}
}

let calls = 0

/**
 * Write each entry's bundled declarations into `outDir` as `<name>.d.ts` and
 * `<name>.d.cts`. The package has no default export, so the CommonJS view
 * of the types is the ESM one: `.d.cts` holds them, and `.d.ts` re-exports it
 * (an ES module may import CommonJS; not the other way round), so they ship once.
 *
 * @param root - The project root (its node_modules resolves the packages `inlinePackages` entries inline).
 * @param outDir - Where to write.
 * @param entries - The bundles to make.
 * @throws {DeclarationError} When a reached file has an export whose type is not written in its own text.
 */
export async function writeDeclarations(root: string, outDir: string, entries: readonly DeclarationEntry[]): Promise<void> {
  const [{isolatedDeclarationSync}, {parseSync}] = await Promise.all([import('rolldown/experimental'), import('rolldown/utils')])
  const files = await closure(parseSync, root, entries.map((entry) => entry.source))
  // Inside the project, so that bare imports resolve from its node_modules;
  // one folder per call, as the build makes both packages' at once.
  const scratch = path.join(root, 'node_modules', '.cache', 'ace-second-interview', `declarations-${process.pid}-${++calls}`)
  try {
    const problems: string[] = []
    for (const [file, text] of files) {
      const relative = path.relative(root, file)
      const {code, errors} = isolatedDeclarationSync(relative, text, {})
      for (const error of errors) {
        const {line, column} = place(text, error.labels[0]?.start ?? 0)
        problems.push(`${relative}:${line}:${column}: ${error.message}`)
      }
      const target = path.join(scratch, relative.replace(/\.ts$/, '.d.ts'))
      await mkdir(path.dirname(target), {recursive: true})
      await writeFile(target, code)
    }
    if (problems.length > 0) {
      throw new DeclarationError(
        `declarations: expected every export to carry its type in its own text (isolated declarations), found ${problems.length} that do not; annotate them:\n${problems.join('\n')}`,
      )
    }
    const [{rolldown}, {dts}] = await Promise.all([import('rolldown'), import('rolldown-plugin-dts')])
    await Promise.all(
      entries.map(async (entry) => {
        const bundle = await rolldown({
          input: {[entry.name]: path.join(scratch, entry.source.replace(/\.ts$/, '.d.ts'))},
          cwd: scratch,
          // The inputs are declarations already: no TypeScript, no tsconfig.
          plugins: [dts({dtsInput: true, oxc: true, tsconfig: false, emitDtsOnly: true})],
          // Without inlining, every package stays an import (the runtime entries import none).
          ...(entry.inlinePackages ? {} : {external: (id: string) => !id.startsWith('.') && !path.isAbsolute(id)}),
          logLevel: 'warn',
        })
        const {output} = await bundle.generate({format: 'es'})
        await bundle.close()
        const chunk = output.find((item) => item.type === 'chunk' && item.isEntry)
        if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`declarations: rolldown made no entry chunk for ${entry.source}`)
        // rolldown can leave a module's path as a comment line (the scratch
        // folder's, with this process's id in it): the files would differ
        // from build to build.
        const code = chunk.code.replace(/^\/\/ \S+\.d\.ts\n/gm, '')
        // The first part of the bundle to finish may be this one (--no-cache writes straight into the staging folder).
        await mkdir(outDir, {recursive: true})
        await writeFile(path.join(outDir, `${entry.name}.d.ts`), `export * from './${entry.name}.cjs'\n`)
        await writeFile(path.join(outDir, `${entry.name}.d.cts`), code)
      }),
    )
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}
