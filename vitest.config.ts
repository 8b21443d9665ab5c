import {availableParallelism} from 'node:os'
import {defaultServerConditions} from 'vite'
import {configDefaults, defineConfig} from 'vitest/config'
import SlowestFirst from './test/setup/sequencer.js'

// The test files fall into projects by what they need. `npm test` runs
// `main` and `types`: every file but two projects', each once. The two are
// `package` (the packed tarball in real apps, old Node.js, Chromium: `npm run
// test:package`) and `releases` (ten releases on a copy of the repository,
// then every other file on it: `npm run test:releases`). CI runs all three.
// `npm run test:content` runs only `content`, the editor's fast loop, whose
// files `main` runs too.

/** The editor's fast loop: the content is lint-clean and recorded, the shipped data is sound. */
const CONTENT = ['test/api.test.ts', 'test/immutability.test.ts', 'test/integrity.test.ts', 'test/render.test.ts', 'test/repository.test.ts']
/** Ten releases on a copy of the repository, then every other test file on it. */
const RELEASES = 'test/release-loop.test.ts'
/** What a consumer installs: these share the packed tarballs and their installs (`inject('packed')`). */
const PACKAGE = ['test/check-api.test.ts', 'test/consumer.test.ts', 'test/pack.test.ts', 'test/readme.test.ts', 'test/e2e/**/*.test.ts']

export default defineConfig({
  // package.json's "imports" (#main, #check) name the sources under this
  // condition: the command line's tests run src/ and pipeline/, not dist/.
  ssr: {resolve: {conditions: ['ace-source', ...defaultServerConditions]}},
  test: {
    // CI reads the counts from the JSON report (`.ci/run`), which the verdict
    // reporter writes before it prints them (and why any test was skipped) last.
    reporters: ['default', ['./test/setup/verdict.ts', {outputFile: 'test-results.json'}]],
    testTimeout: 60_000,
    // Some hooks spawn the scripts (tsx) or copy folders: seconds on a busy machine.
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one file at a time
    // on this 2-core machine. Most slow files wait on processes they spawn
    // (the bin, tsc, npm, builds), so one file more than the cores keeps both
    // busy; the CPU-bound files are short.
    maxWorkers: availableParallelism() + 1,
    // The slow end-to-end files first, so they overlap the short ones.
    sequence: {sequencer: SlowestFirst},
    projects: [
      // Every test file but the package's and the release loop's: the
      // shipped content and data (through src/ and dist/), the command line,
      // and the pipeline and scripts on fixture content they own. Files share
      // a worker's modules (`isolate: false`): none mocks a module or reads
      // state another file may have changed, so the pipeline and its
      // dependencies load once per worker, not once per file. In worker
      // threads (none changes the working folder or the process's own
      // state), which start and share the transformed modules cheaper. One
      // project: vitest hands a worker on only to a file of its own project,
      // and each new worker loads the modules again (a second or two of CPU).
      {
        extends: true,
        test: {
          name: 'main',
          isolate: false,
          pool: 'threads',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...PACKAGE, RELEASES],
        },
      },
      {extends: true, test: {name: 'content', include: CONTENT, isolate: false, pool: 'threads'}},
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          // Type-level tests (`*.test-d.ts`), such as those of the unions
          // generated from the content, checked by tsc over only what they
          // import. Enabled here: the command line's --typecheck does not
          // reach a project's own config.
          typecheck: {enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './test/tsconfig.type-tests.json'},
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: PACKAGE,
          // Packs and installs the package and the check package once for the consumer-facing tests.
          globalSetup: ['test/setup/packed.ts'],
        },
      },
      {extends: true, test: {name: 'releases', include: [RELEASES], testTimeout: 30 * 60_000}},
    ],
  },
})
