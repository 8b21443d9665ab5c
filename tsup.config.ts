import {defineConfig} from 'tsup'

// tsup needs a default export here; the package itself has none.
// Two builds, both written to the same out dir (`--out-dir` overrides both).
export default defineConfig([
  // The library: zero runtime dependencies.
  {
    // Two entries, bundled separately: dist/index.* never holds the render data.
    entry: {index: 'src/index.ts', render: 'src/render/index.ts'},
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    sourcemap: false,
    treeshake: true,
    // No `clean`: scripts/build.ts always builds into a fresh staging folder,
    // and cleaning from one config while the other writes would race.
    clean: false,
  },
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
