// Spelling in French, with its own dictionary, loaded once before the cases.
import {beforeAll, describe, expect, it} from 'vitest'
import {dictionarySpeller, loadSpellChecker} from '../pipeline/lint/dictionaries.js'
import {LINES, STEP, at, lintProse} from './prose-fixture.js'

const correct = 'Préparez votre deuxième entretien avec confiance et montrez-vous sous votre meilleur jour'
const parts = {title: 'Faites un plan', summary: `${correct}.`, body: `${correct}.`, items: [`${correct}. {#plan-answer rounds=2+}`]}

describe('spelling in fr', () => {
  beforeAll(async () => {
    await loadSpellChecker()
    expect(dictionarySpeller('dictionary-fr').kind).toBe('loaded')
  })

  it('passes a correctly spelt title, summary, body and item, elisions included', () => {
    expect(lintProse({...parts, body: "Avant l'entretien, relisez vos notes et n'oubliez pas de remercier."}, 'fr')).toEqual([])
  })

  it.each([
    {locale: 'fr', word: 'entretein', suggestion: 'entretien'},
    {locale: 'fr-CA', word: 'entretein', suggestion: 'entretien'},
  ])('reports `$word` in $locale at its line and column, suggesting `$suggestion`', ({locale, word, suggestion}) => {
    const text = `Abordez votre ${word} avec calme.`
    expect(lintProse({...parts, body: text}, locale)).toEqual([
      {file: STEP, ...at(LINES.body, text, '', word), ruleId: 'spelling', severity: 'warning', fatal: false, reason: expect.stringContaining(`found \`${word}\`; did you mean \`${suggestion}\``), tip: expect.any(String)},
    ])
  })

  it('lets a reflexive `vous vous` through, and reports another repeated word', () => {
    const found = lintProse({...parts, body: 'Vous vous préparez avec avec soin.'}, 'fr')
    expect(found.map(({ruleId, reason}) => ({ruleId, reason}))).toEqual([{ruleId: 'repeated-words', reason: 'Expected `avec` once, found it twice in a row: `avec avec`'}])
  })

  it('loaded the French dictionary once', () => {
    expect(dictionarySpeller('dictionary-fr')).toBe(dictionarySpeller('dictionary-fr'))
  })
})
