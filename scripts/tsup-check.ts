// The check entry's tsup config, apart from tsup.config.ts (which lists it
// among the others): it reads no generated file, so scripts/build.ts loads
// and starts it before the pipeline has written src/generated/, and esbuild
// bundles its megabyte on the other core while the pipeline runs.
import type {Options} from 'tsup'
import {thirdPartyNotices} from './notices.js'

// `ace-second-interview/check`: the content check for apps' own tests, and
// the code the bin's `check` command runs. Everything it uses, the
// build-time pipeline (unified, remark, yaml, vfile) included, is bundled
// in: the installed package has no dependencies to resolve. Its types inline
// `vfile`'s (a devDependency), so `files` type-check as vfiles for
// vfile-reporter in an app that has no vfile installed.
/** tsup's options for `dist/check.{js,cjs}` (the declarations are scripts/declarations.ts's). */
export const CHECK_ENTRY: Options = {
  entry: {check: 'pipeline/check.ts'},
  format: ['esm', 'cjs'],
  // Its declarations inline `vfile`'s types and the rest (scripts/declarations.ts).
  dts: false,
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  // yaml resolves to its CommonJS build under Node, which `require`s Node's
  // built-ins; an ES module has no `require` unless it makes one.
  banner: ({format}) => (format === 'esm' ? {js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"} : {}),
  esbuildPlugins: [thirdPartyNotices('THIRD-PARTY-NOTICES.md', ['dist/check.js', 'dist/check.cjs'])],
  splitting: false,
  sourcemap: false,
  // esbuild's own tree shaking only: tsup's (\`treeshake: true\`, a rollup
  // pass over the bundled megabyte, twice) cost most of a cold build's CPU
  // (6.6 s of 7.4 s for this entry) to save 4 KB (0.4%) in a Node-only file.
  treeshake: false,
  clean: false,
}
