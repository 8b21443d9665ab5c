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

