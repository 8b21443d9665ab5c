// BENCHMARKS.md: machine, method and the goal table.
// The block between the NOTES markers is written by people (findings) and is
// kept as it is when the file is rewritten.
import {cpus, totalmem, type as osType, release} from 'node:os'
import {type Figure, format} from './measure.js'

/** Opens the hand-written block of BENCHMARKS.md. */
export const NOTES_START = '<!-- notes: written by hand, kept by `npm run bench` -->'
/** Closes the hand-written block of BENCHMARKS.md. */
export const NOTES_END = '<!-- /notes -->'

/**
 * The hand-written block of a BENCHMARKS.md, to carry into the next one.
 *
 * @param text The file's text ('' when there is none yet).
 * @returns What lies between the markers, or 'No notes yet.' without them.
 * @example
 *   keptNotes(renderBenchmarks(run, 'Found X.')).trim() // 'Found X.'
 */
export function keptNotes(text: string): string {
  const start = text.indexOf(NOTES_START)
  const end = text.indexOf(NOTES_END)
  return start === -1 || end < start ? 'No notes yet.' : text.slice(start + NOTES_START.length, end)
}

/** Everything one run of the benchmark measured. */
export interface BenchRun {
  readonly startedAt: Date
  readonly seconds: number
  readonly loadBefore: readonly number[]
  /** A `--quick` run: few samples, `npm test` not run. */
  readonly quick: boolean
  readonly figures: readonly Figure[]
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
 * The goal table, as markdown (in BENCHMARKS.md, and on the terminal).
 *
 * @param figures The figures.
 * @returns A markdown table.
 */
export function figureTable(figures: readonly Figure[]): string {
  const lines = ['| figure | measured | baseline (same run) | ratio | goal | |', '|---|---|---|---|---|---|']
  for (const figure of figures) {
    lines.push(`| ${figure.name} | ${figure.measured} | ${figure.baseline} | ${figure.ratio} | ${figure.goal} | ${verdict(figure.met)} |`)
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
  const command = run.quick ? '`npm run bench -- --quick` (few samples, `npm test` not run: rough figures)' : '`npm run bench`'
  return `# Benchmarks

Written by \`npm run bench\` (the tables) and by people (the notes block): the
figures users and contributors feel, against goals set by the issues. Goals
are for the benchmark, never timed tests.

- **Run**: ${run.startedAt.toISOString()}, ${command}, ${format(run.seconds, 0)} s.
- **Machine**: ${describeMachine()}. Load average before the run: ${run.loadBefore.map((value) => format(value, 2)).join(', ')} (1, 5, 15 min).
  The cores are shared with other work, so absolute figures are noisy; each
  figure and its baseline are measured in the same run, interleaved where they
  are separate processes.

## Goals

${figureTable(run.figures)}

## Method

- **Medians** of many samples everywhere; timers are \`process.hrtime.bigint()\`.
- **Install**: each package's files as \`npm pack --dry-run\` lists them,
  unpacked, against the budgets in \`size-budget.json\` (which \`npm run size\`
  checks too): \`ace-second-interview\`, what an app that only shows the guide
  installs (the types-only packages it pulls in named beside it), and
  \`ace-second-interview-check\`, what an app that checks its own content adds.
- **Bundles**: esbuild (\`platform: 'browser'\`, ESM, minified) bundle of
  \`export {getStep, checklistForRound} from '<entry>'\`, gzip level 9
  (\`scripts/bundle-size.ts\`, shared with \`npm run size\`); the baseline is
  the entry's \`guide.md\` and \`steps/*.md\` concatenated and gzipped at level 9.
- **Whole process**: wall time from spawn to exit of \`node -e …\` that loads the
  package from a project that depends on it and calls \`getStep(1)\`, and of
  the bin's \`steps\`, against \`node -e 0\`, interleaved; the ratio is the
  median of each round's ratio.
- **\`check\`**: cold \`check\` is a one-off process on a copy of
  \`content/\`. \`check --watch\` runs on a copy of \`content/\`: the first
  verdict is timed from spawn (median of up to 5 processes); each save writes
  a step file (alternately breaking and repairing an item id) and stops when
  the watch's closing line for a run that began after the write arrives.
- **Loops**: wall time of \`npm test\` interleaved with \`npm run
  test:content\`; of \`npm run test:content\` (regenerate \`src/generated/\`,
  then the \`content\` vitest project) interleaved with \`npm run
  check:content\`; of \`npm run build\` (as \`node --import tsx
  scripts/build.ts\`, into a scratch folder) interleaved with \`node -e 0\`.

## Notes

${NOTES_START}
${notes.trim()}
${NOTES_END}
`
}
