// Bundle a TypeScript script and the project's modules it imports into one
// ES module, with esbuild, so that Node runs it without tsx (whose loader
// hooks run on a thread of their own, a round trip for every module loaded:
// more than a second of the build's start-up on Node 20). Used by
// scripts/run-without-tsx.mjs (`npm run build`), by scripts/build.ts for
// tsup.config.ts and the check entry's config, and by the declarations worker.
// Plain JavaScript: it runs before any TypeScript can.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'

/**
 * Where a bundled script goes: the project's cache folder, so its package
 * imports resolve from node_modules, named for this process (a killed
 * build's file is swept by the next, see scripts/run-without-tsx.mjs).
 *
 * @param {string} root The project root.
 * @param {string} entry The script's path.
 * @returns {string} The path of the bundle to write.
 */
export function bundlePath(root, entry) {
  return path.join(root, 'node_modules', '.cache', 'ace-second-interview', `${path.basename(entry, '.ts')}-${process.pid}.mjs`)
}

/**
 * Bundle `entry` into `outfile`: packages stay imports, and each source
 * file's `import.meta.url` stays its own path, as under tsx (esbuild would
 * give every module the bundle's: `define` turns the expression into a name
 * that each file declares with its own URL).
 *
 * @param {string} entry The TypeScript script.
 * @param {string} outfile Where to write the bundle.
 * @param {'silent' | 'warning'} [logLevel] esbuild's; default 'silent' (a failed build throws either way).
 * @returns {Promise<void>}
 */
export async function bundleScript(entry, outfile, logLevel = 'silent') {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel,
    define: {'import.meta.url': '__ownImportMetaUrl'},
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(builder) {
          builder.onLoad({filter: /\.ts$/}, async ({path: file}) => ({
            loader: 'ts',
            contents: `const __ownImportMetaUrl = ${JSON.stringify(pathToFileURL(file).href)};\n${await readFile(file, 'utf8')}`,
          }))
        },
      },
    ],
  })
}
