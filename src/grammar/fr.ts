// French ordinals: deuxième, troisième… vingtième, numerals after (21e).
// Only the first agrees in gender (premier, première): forms `m` and `f`,
// `m` by default (un entretien).

const WORDS = [
  'zéroième',
  'premier',
  'deuxième',
  'troisième',
  'quatrième',
  'cinquième',
  'sixième',
  'septième',
  'huitième',
  'neuvième',
  'dixième',
  'onzième',
  'douzième',
  'treizième',
  'quatorzième',
  'quinzième',
  'seizième',
  'dix-septième',
  'dix-huitième',
  'dix-neuvième',
  'vingtième',
] as const

/** Forms a placeholder may carry in French: `m` (default) or `f`; only the first round differs. */
export const FORMS: readonly string[] = /* @__PURE__ */ Object.freeze(['m', 'f'])

/** Whether every placeholder must name a form: no, `m` is assumed. */
export const FORM_REQUIRED = false

/**
 * Spell a round as a French ordinal.
 *
 * @param n A non-negative safe integer (callers validate it first).
 * @param form `'m'` (default) or `'f'`.
 * @returns `'deuxième'`, `'première'` (f), `'vingtième'`; `'21e'`, `'1re'` after twenty.
 * @example
 *   ordinal(3) // 'troisième'
 */
export function ordinal(n: number, form?: string): string {
  if (n === 1 && form === 'f') return 'première'
  const word = WORDS[n]
  return word ?? `${n}e`
}
