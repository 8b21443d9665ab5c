import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {type Rule, runRules} from '../pipeline/lint/rule.js'
import {GRAMMARS, grammarFor} from '../src/grammar/index.js'
import {findPlaceholders, renderTemplate} from '../src/template.js'

// Written out by hand from each language's usage (RAE, Académie, Duden), not
// computed: the word a round becomes in each form.
const table: readonly (readonly [language: string, n: number, form: string | undefined, word: string])[] = [
  ['en', 1, undefined, 'first'],
  ['en', 2, undefined, 'second'],
  ['en', 3, undefined, 'third'],
  ['en', 10, undefined, 'tenth'],
  ['en', 20, undefined, 'twentieth'],
  ['en', 21, undefined, '21st'],
  ['en', 112, undefined, '112th'],
  ['es', 1, 'f', 'primera'],
  ['es', 1, 'm', 'primer'],
  ['es', 2, 'f', 'segunda'],
  ['es', 2, 'm', 'segundo'],
  ['es', 3, 'f', 'tercera'],
  ['es', 3, 'm', 'tercer'],
  ['es', 7, 'f', 'séptima'],
  ['es', 10, 'f', 'décima'],
  ['es', 10, 'm', 'décimo'],
  ['es', 11, 'f', 'undécima'],
  ['es', 12, 'm', 'duodécimo'],
  ['es', 13, 'f', 'decimotercera'],
  ['es', 13, 'm', 'decimotercer'],
  ['es', 18, 'f', 'decimoctava'],
  ['es', 20, 'f', 'vigésima'],
  ['es', 21, 'f', '21.ª'],
  ['es', 21, 'm', '21.er'],
  ['es', 22, 'm', '22.º'],
  ['es', 23, 'm', '23.er'],
  ['es', 111, 'm', '111.º'],
  ['fr', 1, undefined, 'premier'],
  ['fr', 1, 'f', 'première'],
  ['fr', 2, undefined, 'deuxième'],
  ['fr', 3, 'f', 'troisième'],
  ['fr', 9, undefined, 'neuvième'],
  ['fr', 10, undefined, 'dixième'],
  ['fr', 17, undefined, 'dix-septième'],
  ['fr', 20, undefined, 'vingtième'],
  ['fr', 21, undefined, '21e'],
  ['de', 1, 'en', 'ersten'],
  ['de', 2, 'e', 'zweite'],
  ['de', 3, 'en', 'dritten'],
  ['de', 3, 'es', 'drittes'],
  ['de', 7, 'em', 'siebtem'],
  ['de', 8, 'er', 'achter'],
  ['de', 10, 'en', 'zehnten'],
  ['de', 20, 'en', 'zwanzigsten'],
  ['de', 21, 'en', '21.'],
  ['de', 100, 'e', '100.'],
]

describe('grammar modules: ordinals per language', () => {
  it.each(table)('%s: round %i in form %s reads "%s"', (language, n, form, word) => {
    expect(GRAMMARS[language]?.ordinal(n, form)).toBe(word)
  })

  it('every form a module lists changes or keeps the word, and a required form is listed', () => {
    for (const [language, grammar] of Object.entries(GRAMMARS)) {
      if (grammar.FORM_REQUIRED) expect(grammar.FORMS.length, language).toBeGreaterThan(0)
      expect(Object.isFrozen(grammar.FORMS), language).toBe(true)
    }
  })

  it.each([
    ['es-MX', 'es'],
    ['DE-ch', 'de'],
    ['en-US', 'en'],
    ['fr', 'fr'],
  ])('grammarFor(%s) is the %s module', (tag, language) => {
    expect(grammarFor(tag)).toBe(GRAMMARS[language])
  })

  it.each(['pt-BR', '', 'constructor', '__proto__'])('grammarFor(%j) is undefined', (tag) => {
    expect(grammarFor(tag)).toBeUndefined()
  })
})

describe('placeholders with a grammatical form', () => {
  it('findPlaceholders reads the form after the colon', () => {
    expect(findPlaceholders('tu {next:f} entrevista y {round}')).toEqual([
      {name: 'next', form: 'f', index: 3, known: true},
      {name: 'round', form: undefined, index: 25, known: true},
    ])
  })

  it('renderTemplate passes the form to the ordinal (the source grammar ignores it)', () => {
    expect(renderTemplate('your {next:f} interview', 2, GRAMMARS['en']!.ordinal)).toBe('your third interview')
    expect(renderTemplate('{nope:f} stays', 2, GRAMMARS['en']!.ordinal)).toBe('{nope:f} stays')
  })
})

describe('rule severities', () => {
  const reportOn = (file: VFile, severity?: 'error' | 'warning', ruleSeverity?: 'error' | 'warning'): boolean | null | undefined => {
    const rule: Rule = {
      id: 'probe',
      description: 'probe',
      tip: 'probe',
      phase: 'document',
      ...(ruleSeverity === undefined ? {} : {severity: ruleSeverity}),
      check: ({report}) => report({file}, 'Expected x, found y', {line: 1, column: 1}, severity === undefined ? undefined : {severity}),
    }
    const folder = {tag: 'en-GB', sourceTag: 'en-GB', isSource: true, checklistHeading: 'Checklist', directory: process.cwd(), name: (name: string) => name}
    runRules([rule], {layout: {missing: [], unexpected: [], unreadable: []}, sources: [], guide: undefined, steps: [], coveredRounds: undefined, manifest: undefined, folder, translation: undefined})
    return file.messages.at(-1)?.fatal
  }

  it.each([
    [undefined, undefined, true],
    [undefined, 'warning', false],
    ['error', 'warning', true],
    ['warning', undefined, false],
    ['warning', 'error', false],
  ] as const)('report severity %s on a rule of severity %s: fatal is %s', (severity, ruleSeverity, fatal) => {
    expect(reportOn(new VFile({path: 'a.md'}), severity, ruleSeverity)).toBe(fatal)
  })
})
