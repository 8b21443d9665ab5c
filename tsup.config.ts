import {type Options, defineConfig} from 'tsup'

// tsup needs a default export here; the package itself has none.
// Three builds, all written to the same out dir (`--out-dir` overrides each).
export default defineConfig([
  // The library's two entries: zero runtime dependencies. Built as separate
  // configs so dist/index.* never holds the render data, and so each .d.ts
  // stands alone (one build would put shared types in a hash-named chunk,
  // changing the published file list whenever a type changes).
  ...(['index', 'render'] as const).map((name): Options => ({
    entry: {[name]: name === 'index' ? 'src/index.ts' : 'src/render/index.ts'},
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    sourcemap: false,
    treeshake: true,
    // No `clean`: scripts/build.ts always builds into a fresh staging folder,
    // and cleaning from one config while another writes would race.
    clean: false,
  })),
  // The `ace-second-interview` bin. Everything it uses, the build-time pipeline
  // (unified, remark, yaml, vfile) included, is bundled in: the installed
  // package has no dependencies to resolve. The shebang in cli/index.ts is kept
  // and makes tsup write the file executable.
  {
    entry: {cli: 'cli/index.ts'},
    format: ['esm'],
    dts: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    // yaml resolves to its CommonJS build under Node, which `require`s Node's
    // built-ins; an ES module has no `require` unless it makes one.
    banner: {js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"},
    splitting: false,
    sourcemap: false,
    treeshake: true,
    clean: false,
  },
])
