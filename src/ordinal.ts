// How a locale spells a round as an ordinal word: data its guide.md writes
// (`ordinals:`, content/README.md#ordinals), which the build copies into the
// locale's entry. No code per language.
import type {Ordinal} from './template.js'

/** A word, or `{n}` patterns by `Intl.PluralRules` ordinal category (`{one: '{n}st', …, other: '{n}th'}`). */
export type OrdinalWord = string | {readonly [category: string]: string; readonly other: string}

/** A round's word in every form (one word), or one per form, in the order of `forms`. */
export type OrdinalRow = OrdinalWord | readonly OrdinalWord[]

/** One locale's ordinals, as its guide.md's `ordinals:` writes them (checked by the build). */
export interface Ordinals {
  /** The locale's tag, for `Intl.PluralRules`. */
  readonly locale: string
  /** The forms a placeholder may name (`{next:f}`); the first is the default. Empty: one form. */
  readonly forms: readonly string[]
  /** Rounds 1, 2, 3… in words. */
  readonly words: readonly OrdinalRow[]
  /** Every other round, `{n}` standing for its number (`'{n}.'`). */
  readonly beyond: OrdinalRow
}

/**
 * Spell rounds in a locale's ordinals.
 *
 * @param ordinals The locale's data.
 * @returns A function of a round (a non-negative safe integer) and a form
 *   (an unknown or missing one is the first), as `renderTemplate` takes.
 * @example
 *   ordinalOf({locale: 'en', forms: [], words: ['first'], beyond: {one: '{n}st', other: '{n}th'}})(21) // '21st'
 */
export function ordinalOf(ordinals: Ordinals): Ordinal {
  let rules: Intl.PluralRules | undefined
  return (n, form) => {
    const row = ordinals.words[n - 1] ?? ordinals.beyond
    const word = Array.isArray(row) ? (row as readonly OrdinalWord[])[Math.max(0, ordinals.forms.indexOf(form ?? ''))]! : (row as OrdinalWord)
    const pattern = typeof word === 'string' ? word : (word[(rules ??= new Intl.PluralRules(ordinals.locale, {type: 'ordinal'})).select(n)] ?? word.other)
    return pattern.replaceAll('{n}', String(n))
  }
}
