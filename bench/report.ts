// BENCHMARKS.md: machine, method, the goal table and the details. The block
// between the NOTES markers is written by people (findings, profiles) and is
// kept as it is when the file is rewritten.
import {cpus, loadavg, totalmem, type as osType, release} from 'node:os'
import {type Figure, format} from './figure.js'
import type {CliResult} from './figures/cli.js'
import type {SizeResult} from './figures/size.js'
import type {StartupResult} from './figures/startup.js'
import type {TestSuiteResult} from './figures/test-suite.js'

/** Opens the hand-written block of BENCHMARKS.md. */
export const NOTES_START = '<!-- notes: written by hand, kept by `npm run bench` -->'
/** Closes the hand-written block of BENCHMARKS.md. */
export const NOTES_END = '<!-- /notes -->'

/** Everything one run of the benchmark measured. */
export interface BenchRun {
  readonly startedAt: Date
  readonly seconds: number
  readonly loadBefore: readonly number[]
  readonly figures: readonly Figure[]
  readonly size: SizeResult
  readonly startup: StartupResult
  readonly cli: CliResult
  readonly testSuite: TestSuiteResult
}

/**
 * The machine the figures come from, as one line.
 *
 * @returns CPU model, cores, memory, OS and Node version.
 */
function describeMachine(): string {
  const cpu = cpus()
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${format(totalmem() / 1024 ** 3, 1)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`
}

const verdict = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : '**missed**')

/**
 * The goal table, as markdown.
 *
 * @param figures The figures.
 * @returns A markdown table.
 */
function figureTable(figures: readonly Figure[]): string {
  const lines = ['| figure | measured | baseline (same run) | ratio | goal | |', '|---|---|---|---|---|---|']
  for (const figure of figures) {
    lines.push(`| ${figure.name} | ${figure.measured} | ${figure.baseline} | ${figure.ratio} | ${figure.goal} | ${verdict(figure.met)} |`)
  }
  return lines.join('\n')
}

/**
 * The goal table for a terminal.
 *
 * @param figures The figures.
 * @returns Aligned plain-text columns.
 */
export function consoleTable(figures: readonly Figure[]): string {
  const rows = [['figure', 'measured', 'baseline', 'ratio', 'goal', ''], ...figures.map((f) => [f.name.replaceAll('`', ''), f.measured.replaceAll('`', ''), f.baseline.replaceAll('`', ''), f.ratio, f.goal, verdict(f.met).replaceAll('*', '')])]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')
}

/** Files listed by name in the `npm test` profile; the rest are summed. */
const SLOWEST_FILES = 12

/**
 * Where `npm test`'s time goes, from vitest's JSON report of the measured run.
 *
 * @param result What `measureTestSuite` found.
 * @returns Markdown: the span and sum of file times, and the slowest files.
 * @example
 *   testSuiteProfile(measureTestSuite(1))
 */
export function testSuiteProfile(result: TestSuiteResult): string {
  if (result.files.length === 0 || result.vitestWallMs === undefined) return 'Not measured in this run (`--quick`).'
  const sum = result.files.reduce((total, file) => total + file.ms, 0)
  const rest = result.files.slice(SLOWEST_FILES)
  const lines = [
    `vitest ran ${format(result.files.length, 0)} files from the first file's start to the last one's end in ${format(result.vitestWallMs / 1000, 1)} s; their own times add up to ${format(sum / 1000, 1)} s (files run side by side). The slowest:`,
    '',
    '| file | tests | time | share of the summed time |',
    '|---|---|---|---|',
    ...result.files.slice(0, SLOWEST_FILES).map((file) => `| \`${file.file}\` | ${format(file.tests, 0)} | ${format(file.ms / 1000, 1)} s | ${format((100 * file.ms) / sum, 0)}% |`),
  ]
  if (rest.length > 0) {
    const restMs = rest.reduce((total, file) => total + file.ms, 0)
    lines.push(`| ${format(rest.length, 0)} more files | ${format(rest.reduce((total, file) => total + file.tests, 0), 0)} | ${format(restMs / 1000, 1)} s | ${format((100 * restMs) / sum, 0)}% |`)
  }
  return lines.join('\n')
}

/**
 * Write the whole of BENCHMARKS.md.
 *
 * @param run What was measured.
 * @param notes The hand-written block to keep (without its markers).
 * @returns The file's text.
 */
export function renderBenchmarks(run: BenchRun, notes: string): string {
  const {startup, size} = run
  const m = startup.medians
  return `# Benchmarks

Written by \`npm run bench\` (the tables) and by people (the notes block); goals
from the packaging issue. Goals are for the benchmark, never timed tests.

- **Run**: ${run.startedAt.toISOString()}, \`npm run bench\`, ${format(run.seconds, 0)} s.
- **Machine**: ${describeMachine()}. Load average before the run: ${run.loadBefore.map((value) => format(value, 2)).join(', ')} (1, 5, 15 min).
  The cores are shared with other work, so absolute figures are noisy; each
  figure and its baseline are measured in the same run, interleaved where they
  are separate processes, and compared as a ratio.

## Goals

${figureTable(run.figures)}

## Method

- **Medians** of many samples everywhere; timers are \`process.hrtime.bigint()\`.
- **Whole process**: wall time from spawn to exit of \`node -e …\` that loads the
  package and calls \`getStep(1)\`, against \`node -e 0\`; all variants interleaved.
- **Size**: esbuild (\`platform: 'browser'\`, ESM, minified) bundle of
  \`export {getStep, checklistForRound} from 'ace-second-interview'\`, gzip level 9
  (\`scripts/bundle-size.ts\`, shared with \`npm run size\`); the baseline is
  \`content/guide.md\` and \`content/steps/*.md\` concatenated and gzipped at level 9.
- **The bin**: \`steps\` start-up is timed in pairs with \`node -e 0\` (two fresh
  processes back to back, alternating which goes first); the figure is the
  median of the pairs' ratios. \`check --watch\` runs on a copy of
  \`content/\`; each sample writes a step file (alternately breaking and
  repairing an item id) and stops when the watch's closing line for a run that
  began after the write reaches the benchmark; the baseline is a one-off
  \`check\` process on the same content.
- **Editor's fast loop**: wall time of \`npm run test:content\` (regenerate
  \`src/generated/\`, then the \`content\` vitest project), median of 3 runs
  interleaved with \`npm run check:content\` (the lint alone); the goal is an
  absolute ≤ 15 s.

## Details

### Start-up

| process | median | × \`node -e 0\` |
|---|---|---|
| \`node -e 0\` | ${format(m.baseline, 1)} ms | 1.000× |
| \`require\` + \`getStep\` | ${format(m.cjs, 1)} ms | ${format(m.cjs / m.baseline, 3)}× |
| \`import\` + \`getStep\` | ${format(m.esm, 1)} ms | ${format(m.esm / m.baseline, 3)}× |
| ESM loader alone (\`--input-type=module -e 0\`) | ${format(m.esmLoader, 1)} ms | ${format(m.esmLoader / m.baseline, 3)}× |

### \`npm test\`, by file

${testSuiteProfile(run.testSuite)}

### The bin

| process | median |
|---|---|
| \`node -e 0\` | ${format(run.cli.medians.nodeBaseline, 1)} ms |
| \`ace-second-interview steps\` | ${format(run.cli.medians.steps, 1)} ms (median pair ratio ${format(run.cli.medians.stepsRatio, 3)}×) |
| one-off \`ace-second-interview check\` (shipped content) | ${format(run.cli.medians.oneOffCheck, 1)} ms |
| \`check --watch\`: start to its first verdict, median of ${Math.min(run.cli.saves, 5)} processes | ${format(run.cli.medians.firstVerdict, 1)} ms |
| \`check --watch\`: write of a step file to the verdict's last line, ${run.cli.saves} saves | ${format(run.cli.medians.saveToOutput, 1)} ms |

### Size

Bundle: ${size.bundle.minified} B minified, ${size.bundle.gzip} B min+gzip. Markdown: ${size.markdown.raw} B, ${size.markdown.gzip} B gzipped.

## Notes

${NOTES_START}
${notes.trim()}
${NOTES_END}
`
}
