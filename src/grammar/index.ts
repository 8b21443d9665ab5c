// The grammar of each language the content may be written in, by language
// subtag. The build reads it (the lint checks placeholder forms, the compiler
// spells ordinals); each locale's generated entry imports its language's
// module. Adding a language: one module beside these, and its line here.
import * as de from './de.js'
import * as en from './en.js'
import * as es from './es.js'
import * as fr from './fr.js'

/** What a language's grammar module exports. */
export interface GrammarModule {
  /** Forms a placeholder may name (`{next:f}`); empty when it may name none. */
  readonly FORMS: readonly string[]
  /** Whether every placeholder must name one of {@link GrammarModule.FORMS}. */
  readonly FORM_REQUIRED: boolean
  /** Spell round `n` as an ordinal in the given form. */
  ordinal(n: number, form?: string): string
}

/** Every grammar module, by language subtag. */
export const GRAMMARS: Readonly<Record<string, GrammarModule>> = Object.freeze({de, en, es, fr})

/**
 * The grammar module for a locale tag, by its language subtag.
 *
 * @param tag A BCP 47 tag, e.g. `'es'`, `'en-US'`, `'de-CH'`.
 * @returns Its language's module, or `undefined` when there is none.
 * @example
 *   grammarFor('es-MX')?.ordinal(3, 'f') // 'tercera'
 */
export function grammarFor(tag: string): GrammarModule | undefined {
  const language = tag.split('-')[0]?.toLowerCase() ?? ''
  return Object.hasOwn(GRAMMARS, language) ? GRAMMARS[language] : undefined
}
