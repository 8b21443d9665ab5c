import type {Options} from 'tsup'
import {LOCALES} from './src/generated/locales.js'
import {thirdPartyNotices} from './scripts/notices.js'

// No config builds declarations (tsup's `dts` made a cold build four times
// slower): scripts/build.ts makes them with scripts/declarations.ts. No
// `clean`: scripts/build.ts builds into a fresh staging folder.

/**
 * The runtime: the main entries and each locale's two
 * (src/generated/locales/<tag>/, which the build writes), in both formats.
 * Split, so every entry imports the code and the error classes from shared
 * chunks: one copy of each per format, `instanceof` works across entries.
 * Minified, as every app installs it: the ES modules keep their lines and
 * their `@__PURE__` marks (minifying whitespace drops them), by which apps'
 * bundlers drop what they do not use; the CommonJS build is minified whole.
 */
const RUNTIME: Options = {
  entry: {
    index: 'src/index.ts',
    render: 'src/render/index.ts',
    ...Object.fromEntries(
      LOCALES.flatMap((tag) => [
        [`locales/${tag}/index`, `src/generated/locales/${tag}/index.ts`],
        [`locales/${tag}/render`, `src/generated/locales/${tag}/render.ts`],
      ]),
    ),
  },
  splitting: true,
  target: 'es2022',
  platform: 'neutral',
  // Text as written (`é`, not `\xE9`): the data is most of the bytes.
  esbuildOptions(options) {
    options.charset = 'utf8'
  },
}

/**
 * The `ace-second-interview-check` package (packages/check/), which
 * `ace-second-interview/check` re-exports: the content check for apps' own
 * tests, and the code the bin's `check` command runs. Everything it uses, the
 * build-time pipeline (unified, remark, yaml, vfile) included, is bundled
 * in: the installed package has no dependencies to resolve.
 */
const CHECK: Options = {
  entry: {index: 'pipeline/check.ts'},
  outDir: 'packages/check/dist',
  format: ['esm', 'cjs'],
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  // yaml resolves to its CommonJS build under Node, which `require`s Node's
  // built-ins; an ES module has no `require` unless it makes one.
  banner: ({format}) => (format === 'esm' ? {js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"} : {}),
  esbuildPlugins: [thirdPartyNotices('THIRD-PARTY-NOTICES.md', ['dist/index.js', 'dist/index.cjs'])],
}

/**
 * The `ace-second-interview` bin: the CLI alone. It imports the package's own
 * main entry (`#main`) and, for `check`, `locales` and `translation`, the
 * check package (`#check`, loaded on demand, installed by apps that want it)
 * instead of bundling second copies of them: package.json's "imports" map
 * both to the built files, and to their sources under the `ace-source`
 * condition that tsc, vitest and the scripts run with. The shebang in
 * cli/index.ts is kept and makes tsup write the file executable.
 */
const BIN: Options = {
  entry: {cli: 'cli/index.ts'},
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  external: ['#main', '#check'],
  // A program, not a library: nothing bundles it again, so the annotations
  // minifying drops are not needed, and every app installs it.
  minify: true,
}

// tsup needs a default export here; the package itself has none.
export default [{...RUNTIME, format: 'esm', minifyIdentifiers: true, minifySyntax: true}, {...RUNTIME, format: 'cjs', minifyWhitespace: true, minifyIdentifiers: true}, CHECK, BIN] satisfies Options[]
