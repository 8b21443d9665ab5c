// The packages' declaration files (dist/{index,render}.d.{ts,cts} and the
// check package's dist/index.d.{ts,cts}), by rolldown with
// rolldown-plugin-dts (tsdown's declaration step) from the sources, with
// Oxc's isolated-declarations emitter (every export carries its type in its
// own text): no TypeScript program. tsup's `dts` builds one per config and
// format, which took a cold `npm run build` from about 5 s to over 20 s.
// Type errors are `npm run typecheck`'s job (and the test suite's), not the build's.
import {mkdir, writeFile} from 'node:fs/promises'
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

/**
 * Write each entry's bundled declarations into `outDir` as `<name>.d.ts` and
 * `<name>.d.cts`. The package has no default export, so the CommonJS view
 * of the types is the ESM one: `.d.cts` holds them, and `.d.ts` re-exports it
 * (an ES module may import CommonJS; not the other way round), so they ship once.
 *
 * @param root - The project root (its node_modules resolves the packages `inlinePackages` entries inline).
 * @param outDir - Where to write.
 * @param entries - The bundles to make.
 * @throws {Error} When a reached file has an export whose type is not written in its own text (rolldown's error names the file).
 */
export async function writeDeclarations(root: string, outDir: string, entries: readonly DeclarationEntry[]): Promise<void> {
  const [{rolldown}, {dts}] = await Promise.all([import('rolldown'), import('rolldown-plugin-dts')])
  await Promise.all(
    entries.map(async (entry) => {
      const bundle = await rolldown({
        input: {[entry.name]: path.join(root, entry.source)},
        cwd: root,
        // Declarations only, from Oxc: no TypeScript, no tsconfig.
        plugins: [dts({oxc: true, tsconfig: false, emitDtsOnly: true})],
        // Without inlining, every package stays an import (the runtime entries import none).
        ...(entry.inlinePackages ? {} : {external: (id: string) => !id.startsWith('.') && !path.isAbsolute(id)}),
        logLevel: 'warn',
        // The plugin is most of the work by design: no note saying so on every build.
        checks: {bundlerTimings: false},
      })
      const {output} = await bundle.generate({format: 'es'}).finally(() => bundle.close())
      const chunk = output.find((item) => item.type === 'chunk' && item.isEntry)
      if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`declarations: rolldown made no entry chunk for ${entry.source}`)
      await mkdir(outDir, {recursive: true})
      await writeFile(path.join(outDir, `${entry.name}.d.ts`), `export * from './${entry.name}.cjs'\n`)
      await writeFile(path.join(outDir, `${entry.name}.d.cts`), chunk.code)
    }),
  )
}
