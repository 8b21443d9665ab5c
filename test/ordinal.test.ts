import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {type Rule, runRules} from '../pipeline/lint/rule.js'
import {type Ordinals, ordinalOf} from '../src/ordinal.js'
import {findPlaceholders, renderTemplate} from '../src/template.js'

// Engine tests over ordinals data this file owns (the shipped locales' are
// their content's, tested in test/locales-dist.test.ts): one table per shape
// the data takes, words written out by hand from each language's usage (RAE,
// Académie, Duden), not computed.
const STEMS = ['erst', 'zweit', 'dritt', 'viert', 'fünft', 'sechst', 'siebt', 'acht', 'neunt', 'zehnt']
const FIXTURES: Record<string, Ordinals> = {
  // One form; later rounds by plural category.
  en: {locale: 'en', forms: [], words: 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' '), beyond: {one: '{n}st', two: '{n}nd', few: '{n}rd', other: '{n}th'}},
  // One word per form, a form per line.
  es: {locale: 'es', forms: ['f', 'm'], words: [['primera', 'primer'], ['segunda', 'segundo'], ['tercera', 'tercer']], beyond: ['{n}.ª', '{n}.º']},
  // Only the first line differs by form.
  fr: {locale: 'fr', forms: ['m', 'f'], words: [['premier', 'première'], 'deuxième', 'troisième'], beyond: '{n}e'},
  // Five forms, one pattern beyond.
  de: {locale: 'de', forms: ['e', 'en', 'er', 'es', 'em'], words: STEMS.map((stem) => ['e', 'en', 'er', 'es', 'em'].map((ending) => stem + ending)), beyond: '{n}.'},
}

const table: readonly (readonly [language: string, n: number, form: string | undefined, word: string])[] = [
  ['en', 1, undefined, 'first'],
  ['en', 3, undefined, 'third'],
  ['en', 12, undefined, 'twelfth'],
  ['en', 20, undefined, 'twentieth'],
  ['en', 21, undefined, '21st'],
  ['en', 22, undefined, '22nd'],
  ['en', 23, undefined, '23rd'],
  ['en', 111, undefined, '111th'],
  ['en', 112, undefined, '112th'],
  ['en', 101, undefined, '101st'],
  ['en', Number.MAX_SAFE_INTEGER, undefined, '9007199254740991st'],
  ['es', 1, 'f', 'primera'],
  ['es', 1, 'm', 'primer'],
  ['es', 3, 'm', 'tercer'],
  ['es', 4, 'f', '4.ª'],
  ['es', 21, 'm', '21.º'],
  ['fr', 1, undefined, 'premier'],
  ['fr', 1, 'f', 'première'],
  ['fr', 2, 'f', 'deuxième'],
  ['fr', 21, 'f', '21e'],
  ['de', 1, 'en', 'ersten'],
  ['de', 3, 'es', 'drittes'],
  ['de', 7, 'em', 'siebtem'],
  ['de', 8, 'er', 'achter'],
  ['de', 2, undefined, 'zweite'],
  ['de', 11, 'en', '11.'],
]

describe('ordinalOf: a round in a locale\'s ordinals data', () => {
  it.each(table)('%s: round %i in form %s reads "%s"', (language, n, form, word) => {
    expect(ordinalOf(FIXTURES[language]!)(n, form)).toBe(word)
  })

  it('spells an unknown form as the first, and a round before the first line by `beyond`', () => {
    expect(ordinalOf(FIXTURES['es']!)(2, 'x')).toBe('segunda')
    expect(ordinalOf(FIXTURES['de']!)(0, 'en')).toBe('0.')
  })
})

const ordinal = ordinalOf(FIXTURES['en']!)

describe('renderTemplate', () => {
  // Written out, not computed: the words each placeholder becomes.
  const cases = [
    {round: 2, template: 'your {previous} interview', text: 'your first interview'},
    {round: 3, template: 'your {previous} interview', text: 'your second interview'},
    {round: 2, template: 'your {round} interview', text: 'your second interview'},
    {round: 2, template: 'your {next} interview', text: 'your third interview'},
    {round: 3, template: 'your {next} interview', text: 'your fourth interview'},
    {round: 20, template: 'your {next} interview', text: 'your 21st interview'},
    {round: 21, template: 'your {previous} interview', text: 'your twentieth interview'},
    {round: 111, template: 'your {next} interview', text: 'your 112th interview'},
    {round: Number.MAX_SAFE_INTEGER, template: 'your {next} interview', text: 'your 9007199254740992nd interview'},
    {round: 4, template: '{previous}, {round} and {next}', text: 'third, fourth and fifth'},
  ] as const

  it.each(cases)('round $round: "$template" reads "$text"', ({round, template, text}) => {
    expect(renderTemplate(template, round, ordinal)).toBe(text)
  })
})

describe('placeholders with a grammatical form', () => {
  it('findPlaceholders reads the form after the colon', () => {
    expect(findPlaceholders('tu {next:f} entrevista y {round}')).toEqual([
      {name: 'next', form: 'f', index: 3, known: true},
      {name: 'round', form: undefined, index: 25, known: true},
    ])
  })

  it('renderTemplate passes the form to the ordinal (one with no forms ignores it)', () => {
    expect(renderTemplate('tu {next:m} encuentro', 2, ordinalOf(FIXTURES['es']!))).toBe('tu tercer encuentro')
    expect(renderTemplate('your {next:f} interview', 2, ordinal)).toBe('your third interview')
    expect(renderTemplate('{nope:f} stays', 2, ordinal)).toBe('{nope:f} stays')
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
