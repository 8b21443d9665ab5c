// What a web app pays for this package: an esbuild browser bundle, minified,
// then gzip level 9. Shared by `npm run size` (the budget) and `npm run bench`.
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

/** The size of one browser bundle. */
export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number
  /** Bytes of the minified bundle after `gzip -9`. */
  readonly gzip: number
  /** Files esbuild put in the bundle, relative to `resolveDir`. */
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
  const result = await build({
    stdin: {contents, resolveDir, sourcefile: 'entry.js', loader: 'js'},
    absWorkingDir: resolveDir,
    bundle: true,
    platform,
    format: 'esm',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, {level: 9}).byteLength,
    inputs: Object.keys(result.metafile.inputs).sort(),
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
