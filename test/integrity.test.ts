import {describe, expect, it} from 'vitest'
import {checklistForRound, guide, listSteps} from '../src/index.js'

// Written out, not computed: the words the rendered text must contain.
const ORDINALS: Record<number, string> = Object.fromEntries(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', '21st'].map((word, index) => [index + 1, word]),
)

const steps = listSteps()
const items = steps.flatMap((step) => step.checklist)

describe('integrity of the shipped guide', () => {
  it('numbers the steps 1 to 6 in order', () => {
    expect(steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('uses each step id and item id once', () => {
    const ids = [...steps.map((step) => step.id), ...items.map((item) => item.id)]
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(steps.map((step) => [step.number, step] as const))('step %i has a title, a one-sentence summary, 2–4 paragraphs and 2–5 items', (_n, step) => {
    expect(step.title.trim()).not.toBe('')
    expect(step.summary).toMatch(/^[^.!?]+[.!?]$/)
    expect(step.body.length).toBeGreaterThanOrEqual(2)
    expect(step.body.length).toBeLessThanOrEqual(4)
    expect(step.checklist.length).toBeGreaterThanOrEqual(2)
    expect(step.checklist.length).toBeLessThanOrEqual(5)
  })

  it('uses British spelling for step 4', () => {
    expect(steps[3]?.title).toBe('Show your colours')
  })

  const rounds = Array.from({length: 19}, (_, index) => index + 2)
  it.each(rounds)('renders every placeholder for round %i', (round) => {
    const rendered = checklistForRound(round)
    expect(rendered.length).toBe(items.filter((item) => item.rounds.from <= round && (item.rounds.to === null || item.rounds.to >= round)).length)
    for (const item of rendered) {
      expect(item.text).not.toMatch(/[{}]/)
      for (const [placeholder, offset] of [['{round}', 0], ['{previous}', -1], ['{next}', 1]] as const) {
        if (item.template.includes(placeholder)) expect(item.text).toContain(` ${ORDINALS[round + offset]} `)
      }
    }
  })

  it('has placeholders for the previous round in step 2 and the next round in step 6', () => {
    expect(steps[1]?.checklist.some((item) => item.template.includes('{previous}'))).toBe(true)
    expect(steps[5]?.checklist.some((item) => item.template.includes('{next}'))).toBe(true)
  })

  it('covers round 2 and every later round', () => {
    expect(guide.rounds).toEqual({from: 2, to: null})
  })
})
