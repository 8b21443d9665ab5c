// What a web app pays for this package: an esbuild browser bundle, minified,
// then gzip level 9. Shared by `npm run size` (the budget) and `npm run bench`.
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

/** The size of one browser bundle: the entry and the chunks it imports statically. */
export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number
  /** Bytes of the minified bundle after `gzip -9`, each file on its own (as a browser downloads them). */
  readonly gzip: number
  /** Files esbuild put code of in the bundle, relative to `resolveDir` (not those only loaded on demand). */
  readonly inputs: readonly string[]
}

/**
 * Bundle a module for the browser, minify and gzip it, and count the bytes.
 *
 * @param contents The module's source, e.g. `export * from 'ace-second-interview'`.
 * @param resolveDir Where its imports resolve from (the project root resolves
 *   the package by its own name through the exports map).
 * @param platform `browser` (default) or `node`, for an entry that only runs
 *   under Node (`./check` reads files).
 * @returns The minified and gzipped sizes and the bundled files.
 * @throws {Error} When esbuild cannot bundle it (e.g. dist/ is missing: run `npm run build`).
 * @example
 *   await measureBundle("export {getStep} from 'ace-second-interview'", root)
 *   // {minified: 13000, gzip: 4600, inputs: ['dist/index.js', 'entry.js']}
 */
export async function measureBundle(contents: string, resolveDir: string, platform: 'browser' | 'node' = 'browser'): Promise<BundleSize> {
  // Split like an app's bundler: what `loadLocale` imports on demand goes to
  // chunks of its own, loaded only when asked, so it is not counted; chunks
  // the entry imports statically are.
  const result = await build({
    stdin: {contents, resolveDir, sourcefile: 'entry.js', loader: 'js'},
    absWorkingDir: resolveDir,
    bundle: true,
    platform,
    format: 'esm',
    splitting: true,
    outdir: path.join(resolveDir, 'size-out'),
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  // The entry itself: chunks loaded on demand are entry points too.
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === 'entry.js')
  const loaded = new Set<string>()
  const visit = (name: string): void => {
    if (loaded.has(name)) return
    loaded.add(name)
    for (const imported of outputs[name]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  if (entry !== undefined) visit(entry)
  const files = result.outputFiles.filter((file) => loaded.has(path.relative(resolveDir, file.path).split(path.sep).join('/')))
  const code = Buffer.concat(files.map((file) => file.contents))
  // Each file is served and compressed on its own: gzip of the concatenation
  // would let one file's words compress against another's, and count less
  // than an app downloads.
  const gzip = files.reduce((sum, file) => sum + gzipSync(file.contents, {level: 9}).byteLength, 0)
  const inputs = new Set<string>()
  for (const name of loaded) for (const [input, {bytesInOutput}] of Object.entries(outputs[name]?.inputs ?? {})) if (bytesInOutput > 0) inputs.add(input)
  return {
    minified: code.byteLength,
    gzip,
    inputs: [...inputs].sort(),
  }
}

/**
 * The bare specifier a consumer writes for a subpath of the exports map.
 *
 * @param name The package's name.
 * @param subpath A key of the exports map: `'.'` or `'./render'`.
 * @returns `'ace-second-interview'` or `'ace-second-interview/render'`.
 * @example
 *   specifierFor('ace-second-interview', './render') // 'ace-second-interview/render'
 */
export function specifierFor(name: string, subpath: string): string {
  return subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`
}
