// The build checks the placeholders findPlaceholders finds; the runtime fills
// what renderTemplate finds. The two must agree on every text, or a template
// the build passed could render differently from what it checked.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {PLACEHOLDER_OFFSETS, findPlaceholders, renderTemplate} from '../src/template.js'

/** A speller whose output shows the round and the form it was given. */
const spell = (n: number, form?: string): string => `<${n}${form === undefined ? '' : `|${form}`}>`

/** The reference: replace what findPlaceholders finds, left to right. */
function byFindPlaceholders(template: string, round: number): string {
  let out = ''
  let from = 0
  for (const match of findPlaceholders(template)) {
    const whole = `{${match.name}${match.form === undefined ? '' : `:${match.form}`}}`
    if (!match.known) continue
    out += template.slice(from, match.index) + spell(round + PLACEHOLDER_OFFSETS[match.name as keyof typeof PLACEHOLDER_OFFSETS], match.form)
    from = match.index + whole.length
  }
  return out + template.slice(from)
}

describe('renderTemplate', () => {
  it.each([
    ['no braces', 'Plain text.', 'Plain text.'],
    ['one placeholder', 'your {next} interview', 'your <4> interview'],
    ['each name', '{previous} {round} {next}', '<2> <3> <4>'],
    ['a form', 'your {next:f} interview', 'your <4|f> interview'],
    ['a form with a colon', '{next:a:b}', '<4|a:b>'],
    ['an unknown name is kept', '{nope} and {next}', '{nope} and <4>'],
    ['an empty name is kept', '{} {:f}', '{} {:f}'],
    ['a brace never closed', 'a {next', 'a {next'],
    ['a stray closing brace', 'a } {next}', 'a } <4>'],
    ['an opening brace inside', '{a{next}', '{a<4>'],
    ['an opening brace inside a form', '{next:f{round}', '{next:f<3>'],
    ['back to back', '{next}{next}', '<4><4>'],
    ['at both ends', '{round} middle {round}', '<3> middle <3>'],
  ])('%s', (_name, template, expected) => {
    expect(renderTemplate(template, 3, spell)).toBe(expected)
    expect(byFindPlaceholders(template, 3)).toBe(expected)
  })

  it('replaces exactly what findPlaceholders finds, on any text', () => {
    const piece = fc.constantFrom('{', '}', ':', 'next', 'round', 'previous', 'f', 'x', ' ', '{next}', '{round:f}')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 24}), fc.integer({min: 2, max: 50}), (pieces, round) => {
        const template = pieces.join('')
        expect(renderTemplate(template, round, spell)).toBe(byFindPlaceholders(template, round))
      }),
      {numRuns: 2000},
    )
  })

  it('returns the template itself when nothing is replaced', () => {
    const template = 'No {placeholder} known here.'
    expect(renderTemplate(template, 2, spell)).toBe(template)
  })
})
