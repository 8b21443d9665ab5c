// English ordinals (en-GB, en-US): words to twenty, numerals after.

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

/** Grammatical forms a placeholder may carry in English: none (`{next}` only). */
export const FORMS: readonly string[] = /* @__PURE__ */ Object.freeze([])

/** Whether every placeholder must name a form: no, English ordinals do not inflect. */
export const FORM_REQUIRED = false

/**
 * Spell a round as an English ordinal: words up to twenty, numerals after.
 *
 * @param n A non-negative safe integer (callers validate it first).
 * @param _form Ignored: English ordinals have one form.
 * @returns `'second'` for 2, `'twentieth'` for 20, `'21st'` for 21, `'112th'` for 112.
 * @example
 *   ordinal(4) // 'fourth'
 */
export function ordinal(n: number, _form?: string): string {
  const word = WORDS[n]
  if (word !== undefined) return word
  const lastTwo = n % 100
  const last = n % 10
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}
