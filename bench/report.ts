// BENCHMARKS.md's figures: the run, the machine and the goal table, between
// two markers. The rest of the file (the method, the findings) is written by
// people and kept as it is.
import {cpus, totalmem, type as osType, release} from 'node:os'
import {type Figure, format} from './measure.js'

/** Opens the block of BENCHMARKS.md that `npm run bench` writes. */
export const FIGURES_START = '<!-- figures: written by `npm run bench`; edit the text around them -->'
/** Closes it. */
export const FIGURES_END = '<!-- /figures -->'

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
 * BENCHMARKS.md with a run's figures in place of the last run's.
 *
 * @param text The file's text.
 * @param run What was measured.
 * @returns The new text, the same outside the markers.
 * @throws {Error} When the text has no block between {@link FIGURES_START} and {@link FIGURES_END}.
 * @example
 *   await writeFile(file, withFigures(await readFile(file, 'utf8'), run))
 */
export function withFigures(text: string, run: BenchRun): string {
  const start = text.indexOf(FIGURES_START)
  const end = text.indexOf(FIGURES_END, start)
  if (start === -1 || end === -1) throw new Error(`bench: expected BENCHMARKS.md to hold the figures between ${FIGURES_START} and ${FIGURES_END}, found no such block`)
  const command = run.quick ? '`npm run bench -- --quick` (few samples, `npm test` not run: rough figures)' : '`npm run bench`'
  const figures = `
- **Run**: ${run.startedAt.toISOString()}, ${command}, ${format(run.seconds, 0)} s.
- **Machine**: ${describeMachine()}. Load average before the run: ${run.loadBefore.map((value) => format(value, 2)).join(', ')} (1, 5, 15 min).

## Goals

${figureTable(run.figures)}
`
  return `${text.slice(0, start + FIGURES_START.length)}${figures}${text.slice(end)}`
}
