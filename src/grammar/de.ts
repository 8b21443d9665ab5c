// German ordinals are adjectives: the ending follows article, case and gender
// (das zweite Gespräch, im zweiten Gespräch, ein zweites Gespräch). A
// placeholder names its ending: `{next:en}`. Words to twenty, numerals after
// (21.), which take no ending.

const STEMS = [
  'nullt',
  'erst',
  'zweit',
  'dritt',
  'viert',
  'fünft',
  'sechst',
  'siebt',
  'acht',
  'neunt',
  'zehnt',
  'elft',
  'zwölft',
  'dreizehnt',
  'vierzehnt',
  'fünfzehnt',
  'sechzehnt',
  'siebzehnt',
  'achtzehnt',
  'neunzehnt',
  'zwanzigst',
] as const

/** Forms a placeholder carries in German: the adjective ending. */
export const FORMS: readonly string[] = /* @__PURE__ */ Object.freeze(['e', 'en', 'er', 'es', 'em'])

/** Whether every placeholder must name a form: yes, the ending depends on the sentence. */
export const FORM_REQUIRED = true

/**
 * Spell a round as a German ordinal with its adjective ending.
 *
 * @param n A non-negative safe integer (callers validate it first).
 * @param form The ending: `'e'` (default), `'en'`, `'er'`, `'es'` or `'em'`.
 * @returns `'zweiten'` for (2, 'en'), `'dritte'` for (3, 'e'); `'21.'` after twenty.
 * @example
 *   ordinal(3, 'en') // 'dritten'
 */
export function ordinal(n: number, form?: string): string {
  const stem = STEMS[n]
  return stem === undefined ? `${n}.` : `${stem}${form ?? 'e'}`
}
