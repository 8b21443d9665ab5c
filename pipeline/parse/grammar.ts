// The build's view of the grammar modules (src/grammar/): which placeholder
// forms a locale's checklist items may write, and how to spell a round in it.
import {GRAMMARS, type GrammarModule, grammarFor} from '../../src/grammar/index.js'
import {PLACEHOLDER_OFFSETS} from '../../src/template.js'

/** What a grammar module exports (src/grammar/<language>.ts). */
export type Grammar = GrammarModule

/**
 * The grammar of a locale: the module registered for its language subtag
 * (`es-MX` → `es`).
 *
 * @param tag A BCP 47 tag.
 * @returns The grammar, or `undefined` when no module covers the language.
 * @example
 *   grammarOf('en-US')?.FORMS // []
 */
export function grammarOf(tag: string): Grammar | undefined {
  return grammarFor(tag)
}

/** Languages that have a grammar module, for messages. */
export function grammarLanguages(): string[] {
  return Object.keys(GRAMMARS).sort()
}

/** `{name}` or `{name:form}`. */
export const PLACEHOLDER_WITH_FORM: RegExp = /\{([a-z]+)(?::([^{}:]*))?\}/g

/**
 * Fill a checklist template for a round in a locale's grammar, as the
 * runtime of that locale does.
 *
 * @param template The item's text with its placeholders.
 * @param round The round to spell them for.
 * @param grammar The locale's grammar.
 * @returns The text for that round.
 * @example
 *   fillTemplate('Before your {next} interview', 2, grammarOf('en-GB')!) // 'Before your third interview'
 */
export function fillTemplate(template: string, round: number, grammar: Grammar): string {
  return template.replace(PLACEHOLDER_WITH_FORM, (whole, name: string, form: string | undefined) =>
    Object.hasOwn(PLACEHOLDER_OFFSETS, name)
      ? grammar.ordinal(round + PLACEHOLDER_OFFSETS[name as keyof typeof PLACEHOLDER_OFFSETS], form)
      : whole,
  )
}
