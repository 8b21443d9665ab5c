// A vitest reporter that ends the run with its verdict: each skipped test and
// why (the note given to `ctx.skip(condition, note)`), then one plain line,
// `N passed, N failed` (`, N skipped` when any were). A test file that fails
// to load has no failed test, only a failed file: it counts as one failure, so
// a broken file can never pass unnoticed. It is vitest's JSON reporter (CI
// reads the counts from its file) with the verdict printed once the report is
// written: vitest runs its reporters side by side, so a separate reporter's
// last line could come before the JSON reporter's own.
import {JsonReporter, type SerializedError, type TestModule} from 'vitest/node'

/** One test's outcome, as the verdict counts it. */
export interface Outcome {
  readonly name: string
  readonly state: 'passed' | 'failed' | 'skipped'
  /** Why it was skipped, when the test said. */
  readonly note?: string | undefined
}

/**
 * The run's verdict from its outcomes.
 *
 * @param outcomes Every test's outcome, plus a failed one per file that failed to load.
 * @returns The lines to print: skipped tests with their reasons, then the counts.
 */
export function verdict(outcomes: readonly Outcome[]): string[] {
  const count = (state: Outcome['state']) => outcomes.filter((outcome) => outcome.state === state).length
  const skipped = outcomes.filter((outcome) => outcome.state === 'skipped')
  const lines = skipped.map((outcome) => `skipped: ${outcome.name} (${outcome.note ?? 'no reason given'})`)
  lines.push(`${count('passed')} passed, ${count('failed')} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`)
  return lines
}

function outcomes(modules: readonly TestModule[]): Outcome[] {
  const found: Outcome[] = []
  for (const module of modules) {
    const file = module.moduleId.replace(`${module.project.config.root}/`, '')
    let tests = 0
    let failed = false
    for (const test of module.children.allTests()) {
      tests++
      const result = test.result()
      const name = `${file} > ${test.fullName}`
      if (result.state === 'failed') failed = true
      if (result.state === 'passed' || result.state === 'failed') found.push({name, state: result.state})
      else if (result.state === 'skipped') found.push({name, state: 'skipped', note: result.note})
    }
    if (module.state() === 'failed' && !failed) found.push({name: `${file} (${tests === 0 ? 'failed to load' : 'failed in a hook'})`, state: 'failed'})
  }
  return found
}

/** Vitest's JSON reporter, then the verdict as the last lines of the run. */
export default class Verdict extends JsonReporter {
  // Vitest passes the errors outside any test as the second argument; the JSON reporter reads only the first.
  override async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError> = []): Promise<void> {
    await super.onTestRunEnd(modules)
    const found = outcomes(modules)
    // An error outside any test (an unhandled rejection) fails the run too.
    for (const [index] of errors.entries()) found.push({name: `unhandled error ${index + 1}`, state: 'failed'})
    process.stdout.write(`\n${verdict(found).join('\n')}\n`)
  }
}
