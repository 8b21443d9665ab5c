// The packages' declaration files (dist/{index,render}.d.{ts,cts} and the
// check package's dist/index.d.{ts,cts}), by rolldown with
// rolldown-plugin-dts (tsdown's declaration step) from the sources, with
// Oxc's isolated-declarations emitter (every export carries its type in its
// own text): no TypeScript program. tsup's `dts` builds one per config and
// format, which took a cold `npm run build` from about 5 s to over 20 s.
// Type errors are `npm run typecheck`'s job (and the test suite's), not the build's.
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Write each entry's bundled declarations into `outDir` as `<name>.d.ts` and
 * `<name>.d.cts`. The package has no default export, so the CommonJS view
 * of the types is the ESM one: `.d.cts` holds them, and `.d.ts` re-exports it
 * (an ES module may import CommonJS; not the other way round), so they ship once.
 *
 * @param root - The project root (its node_modules resolves the packages it inlines).
 * @param outDir - Where to write.
 * @param entries - Each bundle's output name and its entry's source file, relative to `root`.
 * @param inlinePackages - Inline the types of the packages the entries import (the check
 *   package does, so an app needs none of them installed for its types); otherwise they stay imports.
 * @throws {Error} When a reached file has an export whose type is not written in its own text (rolldown's error names the file).
 * @example
 *   await writeDeclarations(root, 'dist', {index: 'src/index.ts'}, false) // dist/index.d.ts, dist/index.d.cts
 */
export async function writeDeclarations(root: string, outDir: string, entries: Readonly<Record<string, string>>, inlinePackages: boolean): Promise<void> {
  const [{rolldown}, {dts}] = await Promise.all([import('rolldown'), import('rolldown-plugin-dts')])
  await Promise.all(
    Object.entries(entries).map(async ([name, source]) => {
      const bundle = await rolldown({
        input: {[name]: path.join(root, source)},
        cwd: root,
        // Declarations only, from Oxc: no TypeScript, no tsconfig.
        plugins: [dts({oxc: true, tsconfig: false, emitDtsOnly: true})],
        // Without inlining, every package stays an import (the runtime entries import none).
        ...(inlinePackages ? {} : {external: (id: string) => !id.startsWith('.') && !path.isAbsolute(id)}),
        logLevel: 'warn',
        // The plugin is most of the work by design: no note saying so on every build.
        checks: {bundlerTimings: false},
      })
      const {output} = await bundle.generate({format: 'es'}).finally(() => bundle.close())
      const chunk = output.find((item) => item.type === 'chunk' && item.isEntry)
      if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`declarations: rolldown made no entry chunk for ${source}`)
      await mkdir(outDir, {recursive: true})
      await writeFile(path.join(outDir, `${name}.d.ts`), `export * from './${name}.cjs'\n`)
      await writeFile(path.join(outDir, `${name}.d.cts`), chunk.code)
    }),
  )
}
