const WORDS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
] as const

/**
 * Spell a round as an English ordinal: words up to twenty, numerals after.
 *
 * @param n A non-negative safe integer (callers validate it first).
 * @returns `'second'` for 2, `'twentieth'` for 20, `'21st'` for 21, `'112th'` for 112.
 * @example
 *   ordinal(4) // 'fourth'
 */
export function ordinal(n: number): string {
  const word = WORDS[n]
  if (word !== undefined) return word
  const lastTwo = n % 100
  const last = n % 10
  const suffix =
    lastTwo >= 11 && lastTwo <= 13
      ? 'th'
      : last === 1
        ? 'st'
        : last === 2
          ? 'nd'
          : last === 3
            ? 'rd'
            : 'th'
  return `${n}${suffix}`
}
