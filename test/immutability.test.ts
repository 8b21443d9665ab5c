import {describe, expect, it} from 'vitest'
import {checklistForRound, getStep, guide, listSteps} from '../src/index.js'
import {checklistContentForRound, getIntroContent, getStepContent} from '../src/render/index.js'

function everyObject(value: unknown, seen: unknown[] = []): unknown[] {
  if (typeof value === 'object' && value !== null) {
    seen.push(value)
    for (const child of Object.values(value)) everyObject(child, seen)
  }
  return seen
}

describe('immutability', () => {
  const roots = [
    ['guide', guide],
    ['getStep(2)', getStep(2)],
    ['listSteps()', listSteps()],
    ['checklistForRound(3)', checklistForRound(3)],
    ['checklistForRound(42)', checklistForRound(42)],
    ['getStepContent(3)', getStepContent(3)],
    ['getIntroContent()', getIntroContent()],
    ['checklistContentForRound(3)', checklistContentForRound(3)],
    ['checklistContentForRound(42)', checklistContentForRound(42)],
  ] as const

  it.each(roots)('%s is deeply frozen', (_name, root) => {
    const objects = everyObject(root)
    expect(objects.length).toBeGreaterThan(1)
    for (const object of objects) expect(Object.isFrozen(object)).toBe(true)
  })

  it('one consumer cannot change the guide for another', () => {
    const title = getStep(1).title
    const step = getStep(1) as unknown as {title: string; checklist: unknown[]}
    expect(() => {
      step.title = 'Hacked'
    }).toThrow(TypeError)
    expect(() => step.checklist.push({})).toThrow(TypeError)
    const items = checklistForRound(3) as unknown as Array<{text: string}>
    expect(() => {
      items[0]!.text = 'Hacked'
    }).toThrow(TypeError)
    expect(getStep(1).title).toBe(title)
    expect(title).not.toBe('Hacked')
    expect(checklistForRound(3)[0]!.text).not.toBe('Hacked')
  })
})
