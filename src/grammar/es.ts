// Spanish ordinals: they agree in gender with the noun. `f` (entrevista →
// «tercera entrevista») or `m`, the form that stands before a masculine noun
// (primer, tercer, decimotercer: «tercer encuentro»). Words to twenty
// (RAE: undécimo, duodécimo, decimotercero…), numerals after: 21.ª, 21.º, 21.er.

// Stems: the masculine form is stem + 'o', the feminine stem + 'a'.
const STEMS = [
  '',
  'primer',
  'segund',
  'tercer',
  'cuart',
  'quint',
  'sext',
  'séptim',
  'octav',
  'noven',
  'décim',
  'undécim',
  'duodécim',
  'decimotercer',
  'decimocuart',
  'decimoquint',
  'decimosext',
  'decimoséptim',
  'decimoctav',
  'decimonoven',
  'vigésim',
] as const

/** Forms a placeholder carries in Spanish: `f` (feminine) or `m` (masculine, before its noun). */
export const FORMS: readonly string[] = /* @__PURE__ */ Object.freeze(['f', 'm'])

/** Whether every placeholder must name a form: yes, the ordinal agrees with its noun. */
export const FORM_REQUIRED = true

/**
 * Spell a round as a Spanish ordinal, agreeing with its noun.
 *
 * @param n A non-negative safe integer (callers validate it first).
 * @param form `'f'` (default) or `'m'`, the masculine form before a noun.
 * @returns `'segunda'`, `'tercer'` (m), `'vigésima'`; `'21.ª'`, `'21.º'`, `'23.er'` (m) after twenty.
 * @example
 *   ordinal(3, 'f') // 'tercera'
 */
export function ordinal(n: number, form?: string): string {
  const masculine = form === 'm'
  const stem = STEMS[n]
  if (stem !== undefined && n > 0) {
    // Before a masculine noun, primero and tercero (and decimotercero) drop the -o.
    if (masculine) return stem.endsWith('er') ? stem : `${stem}o`
    return `${stem}a`
  }
  if (!masculine) return `${n}.ª`
  const lastTwo = n % 100
  const last = n % 10
  return (last === 1 || last === 3) && lastTwo !== 11 ? `${n}.er` : `${n}.º`
}
