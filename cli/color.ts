// Colour is for people at a terminal: never in a pipe or a file, never when
// the user asked for none (https://no-color.org).

/** What decides whether output is coloured. */
export interface ColorContext {
  /** Whether the stream written to is a terminal (`stream.isTTY`). */
  readonly isTTY: boolean | undefined
  /** The environment (`process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * Decide whether to colour output written to one stream.
 *
 * @param context The stream's `isTTY` and the environment.
 * @returns `true` only when the stream is a TTY and `NO_COLOR` is not set at
 *   all; any value of `NO_COLOR`, even the empty string, turns colour off, as in
 *   the build scripts.
 * @example
 *   shouldUseColor({isTTY: process.stdout.isTTY, env: process.env})
 */
export function shouldUseColor(context: ColorContext): boolean {
  return context.isTTY === true && context.env['NO_COLOR'] === undefined
}

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
