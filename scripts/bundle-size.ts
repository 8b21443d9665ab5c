// What an app pays for this package: an esbuild browser bundle, minified,
// then gzip level 9, and each package's install. Shared by `npm run size`
// (the budget) and `npm run bench`.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

/** The size of one browser bundle: the entry and the chunks it imports statically. */
export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number
  /** Bytes of the minified bundle after `gzip -9`, each file on its own (as a browser downloads them). */
  readonly gzip: number
  /** The same, with the content's data left out ({@link withoutContent}): what the code costs. */
  readonly code: number
}

// The build writes the content's data as `JSON.parse('…')` (pipeline/compile/emit.ts), which a minifier may requote.
const CONTENT_DATA = /JSON\.parse\((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)\)/g

/**
 * A built file with the content's data left out: each `JSON.parse('…')` the
 * build wrote for the guide, its render trees and its releases becomes
 * `JSON.parse('{}')`. Budgets hold what the code costs; the content grows
 * with every step, locale and release an editor adds, and is theirs.
 *
 * @param code A built JavaScript file.
 * @returns The file without its content's data.
 * @example
 *   withoutContent(`const guide = JSON.parse('{"steps":[]}')`) // "const guide = JSON.parse('{}')"
 */
export function withoutContent(code: string): string {
  return code.replace(CONTENT_DATA, "JSON.parse('{}')")
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
  const codeGzip = files.reduce((sum, file) => sum + gzipSync(withoutContent(file.text), {level: 9}).byteLength, 0)
  return {minified: code.byteLength, gzip, code: codeGzip}
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
export function packedSize(folder: string): {name: string; size: number; unpackedSize: number; files: Array<{path: string; size: number}>} {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: folder, encoding: 'utf8'})
  if (pack.status !== 0) throw new Error(`expected \`npm pack --dry-run\` in ${folder} to succeed, it exited ${pack.status}: ${pack.stderr}`)
  return (JSON.parse(pack.stdout) as Array<{name: string; size: number; unpackedSize: number; files: Array<{path: string; size: number}>}>)[0]!
}

/** One package's install: what `npm install` puts on disk, and its budget in size-budget.json. */
export interface Install {
  readonly name: string
  /** Bytes of its files, unpacked. */
  readonly unpacked: number
  /** Bytes of the packed tarball. */
  readonly packed: number
  /** How many of the unpacked bytes are the content's: its JSON files, and the data the build wrote into its JavaScript ({@link withoutContent}). */
  readonly content: number
  /** The rest: what the budget holds. */
  readonly code: number
  /** The budget for `code`: its `code`, and its `perLocale` for each locale. */
  readonly limit: number
  /** How the limit was reached, for a report: `'185000 B and 10000 B for each of 5 locales'`, or `''`. */
  readonly allowance: string
}

/**
 * Measure each package size-budget.json names under `install`. Every JSON file
 * under `dist/` is the content's (a locale's `guide.json`, `manifest.json`)
 * but those of entries budgeted as code (`schema.json`).
 *
 * @param root The repository, built.
 * @param locales How many locales the content has.
 * @returns One install per package.
 * @throws {Error} When `npm pack --dry-run` fails.
 * @example
 *   await measureInstalls(root, 5) // [{name: 'ace-second-interview', unpacked: 577000, content: 362000, code: 215000, limit: 235000, …}, …]
 */
export async function measureInstalls(root: string, locales: number): Promise<Install[]> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {name: string; exports: Record<string, unknown>}
  const {budgets, install} = JSON.parse(await readFile(path.join(root, 'size-budget.json'), 'utf8')) as {
    budgets: Record<string, number>
    install: Record<string, {code: number; perLocale?: number}>
  }
  const codeJson = Object.keys(budgets).filter((subpath) => subpath.endsWith('.json')).map((subpath) => String(pkg.exports[subpath]).replace(/^\.\//, ''))
  return Object.entries(install).map(([name, {code: base, perLocale = 0}]) => {
    const folder = name === pkg.name ? root : path.join(root, 'packages', name.slice(`${pkg.name}-`.length))
    const tarball = packedSize(folder)
    let content = 0
    for (const file of tarball.files) {
      if (!file.path.startsWith('dist/') || codeJson.includes(file.path)) continue
      if (file.path.endsWith('.json')) content += file.size
      else if (/\.c?js$/.test(file.path)) {
        const text = readFileSync(path.join(folder, file.path), 'utf8')
        content += Buffer.byteLength(text) - Buffer.byteLength(withoutContent(text))
      }
    }
    return {
      name: tarball.name,
      unpacked: tarball.unpackedSize,
      packed: tarball.size,
      content,
      code: tarball.unpackedSize - content,
      limit: base + perLocale * locales,
      allowance: perLocale === 0 ? '' : `${base} B and ${perLocale} B for each of ${locales} locales`,
    }
  })
}
