import type {Plugin} from 'esbuild'
import {type Options, defineConfig} from 'tsup'
import {thirdPartyNotices} from './scripts/notices.js'

/** In the bin, `import('../pipeline/check.js')` becomes `import('./check.js')`: dist/check.js. */
const loadCheckEntryAtRunTime: Plugin = {
  name: 'load-check-entry-at-run-time',
  setup(build) {
    build.onResolve({filter: /[\\/]pipeline[\\/]check\.js$/}, () => ({path: './check.js', external: true}))
  },
}

// tsup needs a default export here; the package itself has none.
// Four builds, all written to the same out dir (`--out-dir` overrides each).
export default defineConfig([
  // The library's two entries: zero runtime dependencies, one build so that
  // code both use (the error classes, the guide data, argument checks) lands
  // once, in a shared chunk that dist/index.* and dist/render.* both import:
  // an error from `./render` is `instanceof` the class from `.`, and a bundle
  // of both entries carries each class and the data once. The chunk has a
  // fixed name (no hash), so the published file list stays the same; a second
  // shared chunk would collide on that name and fail the build rather than
  // appear silently. dist/index.* still never holds the render data: only
  // render/ imports it. (Splitting is experimental in tsup for CJS; the
  // consumer tests check `instanceof` across entries in both formats.)
  {
    entry: {index: 'src/index.ts', render: 'src/render/index.ts'},
    format: ['esm', 'cjs'],
    dts: false,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'shared'
    },
    sourcemap: false,
    treeshake: true,
    // No `clean`: scripts/build.ts always builds into a fresh staging folder,
    // and cleaning from one config while another writes would race.
    clean: false,
  },
  // Declarations, one build per entry so that each .d.ts stands alone (one
  // build would put shared types in a hash-named chunk, changing the
  // published file list whenever a type changes).
  ...(['index', 'render'] as const).map((name): Options => ({
    entry: {[name]: name === 'index' ? 'src/index.ts' : 'src/render/index.ts'},
    format: ['esm', 'cjs'],
    dts: {only: true},
    target: 'es2022',
    platform: 'neutral',
    clean: false,
  })),
  // `ace-second-interview/check`: the content check for apps' own tests, and
  // the code the bin's `check` command runs. Everything it uses, the
  // build-time pipeline (unified, remark, yaml, vfile) included, is bundled
  // in: the installed package has no dependencies to resolve. Its types inline
  // `vfile`'s (a devDependency), so `files` type-check as vfiles for
  // vfile-reporter in an app that has no vfile installed.
  {
    entry: {check: 'pipeline/check.ts'},
    format: ['esm', 'cjs'],
    dts: {resolve: true},
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    // yaml resolves to its CommonJS build under Node, which `require`s Node's
    // built-ins; an ES module has no `require` unless it makes one.
    banner: ({format}) => (format === 'esm' ? {js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"} : {}),
    esbuildPlugins: [thirdPartyNotices('THIRD-PARTY-NOTICES.md', ['dist/check.js', 'dist/check.cjs'])],
    splitting: false,
    sourcemap: false,
    treeshake: true,
    clean: false,
  },
  // The `ace-second-interview` bin: the CLI and the runtime, small so that
  // `steps` starts fast. `check` loads the pipeline on demand, by importing
  // the check entry's own file (./check.js beside it) rather than a second
  // copy. The shebang in cli/index.ts is kept and makes tsup write the file
  // executable.
  {
    entry: {cli: 'cli/index.ts'},
    format: ['esm'],
    dts: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    esbuildPlugins: [loadCheckEntryAtRunTime],
    splitting: false,
    sourcemap: false,
    treeshake: true,
    clean: false,
  },
])
