// What an app pays for this package: an esbuild browser bundle, minified,
// then gzip level 9, and each package's install. Shared by `npm run size`
// (the budget) and `npm run bench`.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

/** The size of one browser bundle: the entry and the chunks it imports statically. */
export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number
  /** Bytes of the minified bundle after `gzip -9`, each file on its own (as a browser downloads them). */
  readonly gzip: number
}

/**
 * Bundle a module for the browser, minify and gzip it, and count the bytes.
 *
 * @param contents The module's source, e.g. `export * from 'ace-second-interview'`.
 * @param resolveDir Where its imports resolve from (the project root resolves
 *   the package by its own name through the exports map).
 * @param platform `browser` (default) or `node`, for an entry that only runs
 *   under Node (`./check` reads files).
 * @returns The minified and gzipped sizes.
 * @throws {Error} When esbuild cannot bundle it (e.g. dist/ is missing: run `npm run build`).
 * @example
 *   await measureBundle("export {getStep} from 'ace-second-interview'", root)
 *   // {minified: 13000, gzip: 4600}
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
  return {minified: code.byteLength, gzip}
}

/**
 * What `npm install` puts on disk for a package: its files, as `npm pack`
 * lists them.
 *
 * @param folder The package's folder.
 * @returns Its name, the packed tarball's bytes and its files' bytes unpacked.
 * @throws {Error} When `npm pack --dry-run` fails.
 * @example
 *   packedSize('packages/check') // {name: 'ace-second-interview-check', size: 479000, unpackedSize: 2287000}
 */
export function packedSize(folder: string): {name: string; size: number; unpackedSize: number} {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: folder, encoding: 'utf8'})
  if (pack.status !== 0) throw new Error(`expected \`npm pack --dry-run\` in ${folder} to succeed, it exited ${pack.status}: ${pack.stderr}`)
  return (JSON.parse(pack.stdout) as Array<{name: string; size: number; unpackedSize: number}>)[0]!
}
