// Ordinal words per language, written out independently of src/grammar/:
// what the tests of the rendered checklists (test/locales-dist.test.ts, the
// React example's browser test) expect a placeholder to read.
// The numbers that rounds 2, 3, 10 and 21 name with {previous}, {round} and {next}.
const N = [1, 2, 3, 4, 9, 10, 11, 20, 21, 22] as const
const table = (words: readonly string[]): Record<number, string> => Object.fromEntries(N.map((n, index) => [n, words[index]!]))
const GERMAN_STEMS = ['erst', 'zweit', 'dritt', 'viert', 'neunt', 'zehnt', 'elft', 'zwanzigst']
const german = (ending: string) => table([...GERMAN_STEMS.map((stem) => stem + ending), '21.', '22.'])
const FRENCH = ['premier', 'deuxième', 'troisième', 'quatrième', 'neuvième', 'dixième', 'onzième', 'vingtième', '21e', '22e']
const ORDINALS: Record<string, {readonly default?: string; readonly forms: Record<string, Record<number, string>>}> = {
  en: {default: '', forms: {'': table(['first', 'second', 'third', 'fourth', 'ninth', 'tenth', 'eleventh', 'twentieth', '21st', '22nd'])}},
  es: {
    forms: {
      f: table(['primera', 'segunda', 'tercera', 'cuarta', 'novena', 'décima', 'undécima', 'vigésima', '21.ª', '22.ª']),
      m: table(['primer', 'segundo', 'tercer', 'cuarto', 'noveno', 'décimo', 'undécimo', 'vigésimo', '21.er', '22.º']),
    },
  },
  fr: {default: 'm', forms: {m: table(FRENCH), f: table(['première', ...FRENCH.slice(1)])}},
  de: {forms: {e: german('e'), en: german('en'), er: german('er'), es: german('es'), em: german('em')}},
}
const OFFSETS: Record<string, number> = {previous: -1, round: 0, next: 1}
export const PLACEHOLDER = /\{(round|previous|next)(?::([^{}]*))?\}/g

/**
 * A template as it should read in a round, from the tables above.
 *
 * @param template Checklist text with `{round}`, `{previous}`, `{next}`, maybe with forms (`{next:en}`).
 * @param round The round.
 * @param language The language subtag the text is in (`'de'`).
 * @returns The text with each placeholder replaced by the expected word.
 * @throws {Error} When the tables have no word for it (a new language or number: add it here).
 */
export function expectedText(template: string, round: number, language: string): string {
  const grammar = ORDINALS[language]
  if (grammar === undefined) throw new Error(`no ordinal table in this test for the language "${language}": add one`)
  return template.replace(PLACEHOLDER, (whole, name: string, form: string | undefined) => {
    const word = grammar.forms[form ?? grammar.default ?? '']?.[round + OFFSETS[name]!]
    if (word === undefined) throw new Error(`no expected ordinal for ${whole} (form ${String(form)}) in round ${round} (${language})`)
    return word
  })
}

