// Vitest's own order puts the files that took longest last time first, but
// only when its cache of the last run exists (not on a fresh clone or in CI,
// where it falls back to file size). The files below take the longest by far:
// each spawns builds, packs or whole vitest runs. Started first, they run
// beside the many short files instead of after them, which would leave one
// core idle at the end while the last long file finishes.
//
// A worker that shares its modules across files (`isolate: false`) is kept
// for the next file only when that file is of the same project; any other
// starts a new worker, which loads the modules again (a second or two of
// CPU). So in a run of several projects (the release loop runs main and
// package) each project's files stay together, the project with the slowest
// file first.
import path from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

/** Slowest first, as measured on the project's 2-core machine (paths from the root). */
export const SLOWEST = [
  'test/release-loop.test.ts',
  'test/lint-rules.test.ts',
  'test/translation-exchange.test.ts',
  'test/content-version.test.ts',
  'test/pipeline-property.test.ts',
  'test/cli-bin.test.ts',
  'test/check-api.test.ts',
  'test/readme.test.ts',
  'test/e2e/browser.test.ts',
  'test/e2e/next.test.ts',
  'test/consumer.test.ts',
  'test/content-translated.test.ts',
  'test/build.test.ts',
  'test/fresh-clone.test.ts',
  'test/hostile.test.ts',
  'test/diagnostics.test.ts',
  'test/spelling.test.ts',
  'test/locales.test.ts',
  'test/editor.test.ts',
]

/**
 * Vitest's order (by project, then failed, slowest last time, largest), each
 * project's files in {@link SLOWEST} moved to its front, and the projects
 * ordered by their slowest file.
 */
export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification): number => {
      const index = SLOWEST.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/'))
      return index === -1 ? SLOWEST.length : index
    }
    const slowestOf = new Map<string, number>()
    for (const file of files) slowestOf.set(file.project.name, Math.min(slowestOf.get(file.project.name) ?? SLOWEST.length, rank(file)))
    const project = (file: TestSpecification): number => slowestOf.get(file.project.name) ?? SLOWEST.length
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b))
  }
}
