// What every figure shares: the project root, the table row, the median, and
// timing a child process. Every start-up and build figure is measured in a
// fresh process, so module caches and JIT state never carry over.
import {spawnSync} from 'node:child_process'
import path from 'node:path'

/** The project root (this file is in bench/). */
export const ROOT = path.resolve(import.meta.dirname, '..')

/** Package name, as consumers import it. */
export const NAME = 'ace-second-interview'

/** One line of the benchmark's table: a figure, its baseline and its goal. */
export interface Figure {
  /** What was measured. */
  readonly name: string
  /** The measurement, formatted with its unit. */
  readonly measured: string
  /** The baseline measured in the same run, formatted. */
  readonly baseline: string
  /** measured ÷ baseline (or the figure's own ratio), formatted, or '' when none applies. */
  readonly ratio: string
  /** The goal, as the issue states it. */
  readonly goal: string
  /** Whether the goal was met; `undefined` when this run did not measure it. */
  readonly met: boolean | undefined
}

/**
 * Format a number with a fixed number of decimals and thin grouping.
 *
 * @param value The number.
 * @param digits Decimals to keep.
 * @returns E.g. `'1,234.5'`.
 */
export function format(value: number, digits = 2): string {
  return value.toLocaleString('en-GB', {minimumFractionDigits: digits, maximumFractionDigits: digits})
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @param values At least one number.
 * @returns The median.
 * @throws {RangeError} When `values` is empty.
 * @example
 *   median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, received none')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/**
 * Run a command to completion and time it from spawn to exit.
 *
 * @param command The executable.
 * @param args Its arguments.
 * @param cwd Where it runs.
 * @returns Wall-clock milliseconds.
 * @throws {Error} When it exits non-zero, with its stderr.
 */
export function timeProcess(command: string, args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint()
  // A generous buffer: `npm test` writes a lot to stderr on a failure.
  const run = spawnSync(command, args, {cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 2 ** 28})
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${String(run.stderr).slice(-4000)}`)
  return elapsed
}
