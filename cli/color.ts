// Text for the terminal. The decision whether to colour at all, and the
// escaping of control characters, are shared with the build scripts, so they
// live beside the diagnostics formatter.
export {shouldUseColor} from '../pipeline/report.js'
export type {ColorContext} from '../pipeline/report.js'
export {escapeControl} from '../pipeline/terminal.js'

/** The few text styles the command line uses. */
export interface Styles {
  /** Headings and titles. */
  readonly bold: (text: string) => string
  /** Ids and other secondary detail. */
  readonly dim: (text: string) => string
}

/**
 * Make the text styles, as ANSI escapes or as no-ops.
 *
 * @param color Whether to colour (see {@link shouldUseColor}).
 * @returns Functions that wrap text in ANSI codes when `color` is `true` and
 *   return it unchanged otherwise.
 * @example
 *   createStyles(false).bold('Make a plan') // 'Make a plan'
 */
export function createStyles(color: boolean): Styles {
  const paint =
    (open: number, close: number) =>
    (text: string): string =>
      color ? `\u001B[${open}m${text}\u001B[${close}m` : text
  return {bold: paint(1, 22), dim: paint(2, 22)}
}
