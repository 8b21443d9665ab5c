import {describe, expect, it} from 'vitest'
import {checklistForRound, guide, listSteps} from '../src/index.js'
import {CONTENT} from './shipped-content.js'

// Written out, not computed: the words the rendered text must contain.
const ORDINALS: Record<number, string> = Object.fromEntries(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', '21st'].map((word, index) => [index + 1, word]),
)

const steps = listSteps()
const items = steps.flatMap((step) => step.checklist)

describe('integrity of the shipped guide', () => {
  it('numbers the steps 1 to N in order, one per file in content/steps/', () => {
    expect(steps.map((step) => step.number)).toEqual(CONTENT.steps.map((_, index) => index + 1))
    expect(steps.map((step) => step.id)).toEqual(CONTENT.steps.map((step) => step.id))
  })

  it('ships every checklist item of content/, in order', () => {
    expect(items.map((item) => item.id)).toEqual(CONTENT.steps.flatMap((step) => step.itemIds))
  })

  it('counts the steps right where the title counts them ("… in 6 Steps")', () => {
    const counted = /\bin (\d+) Steps\b/.exec(guide.title)?.[1]
    if (counted !== undefined) expect(Number(counted), `"${guide.title}" for ${steps.length} steps`).toBe(steps.length)
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

  // A few common American spellings; the content is written in British English.
  const AMERICAN = /\b(?:colors?|colored|colorful|favorites?|behaviors?|honors?|centers?|theaters?|analyzes?|apologizes?)\b/i
  it('uses British spelling (no "color", "favorite", "behavior"…)', () => {
    const texts = [guide.title, ...guide.introduction.body, ...steps.flatMap((step) => [step.title, step.summary, ...step.body]), ...items.map((item) => item.template)]
    expect(texts.filter((text) => AMERICAN.test(text))).toEqual([])
  })

  // Nineteen rounds from the first covered one (ORDINALS spells out up to 21).
  const last = Math.min(guide.rounds.from + 18, guide.rounds.to ?? Number.POSITIVE_INFINITY)
  const rounds = Array.from({length: last - guide.rounds.from + 1}, (_, index) => guide.rounds.from + index)
  it.each(rounds)('renders every placeholder for round %i', (round) => {
    const rendered = checklistForRound(round)
    expect(rendered.length).toBe(items.filter((item) => item.rounds.from <= round && (item.rounds.to === null || item.rounds.to >= round)).length)
    for (const item of rendered) {
      expect(item.text).not.toMatch(/[{}]/)
      const words = {'{round}': ORDINALS[round], '{previous}': ORDINALS[round - 1], '{next}': ORDINALS[round + 1]}
      expect(item.text).toBe(item.template.replace(/\{(?:round|previous|next)\}/g, (placeholder) => String(words[placeholder as keyof typeof words])))
    }
  })

  it('covers the rounds guide.md names', () => {
    expect(guide.rounds).toEqual(CONTENT.rounds)
  })
})
