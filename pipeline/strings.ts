// Strings the build keeps long after the text they were cut from.

// V8 copies a substring shorter than this (SlicedString::kMinLength) anyway.
const SLICED_FROM = 13

/**
 * A string with its own storage. V8 makes a substring of a long string a
 * slice that keeps the whole string alive; the build keeps a few short parts
 * of each step (ids, templates, front matter) long after the step's text is
 * let go, so those are copied out.
 *
 * @param value Any string.
 * @returns The same text, not sharing storage with any other string.
 * @example
 *   detached(text.slice(4, 40)) // the same characters, without `text` behind them
 */
export function detached(value: string): string {
  return value.length < SLICED_FROM ? value : Buffer.from(value, 'utf8').toString('utf8')
}
