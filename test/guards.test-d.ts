import {describe, expectTypeOf, it} from 'vitest'
import {type ChecklistItemId, type Round, type StepId, type StepNumber, checklistForRound, getStep, getStepById, isChecklistItemId, isRound, isStepId, isStepNumber} from '../src/index.js'

// Issue 10 (item 3): `getStep(Number(userInput))` is TS2345; a guard narrows it.
describe('type guards narrow untrusted input without a cast', () => {
  it('narrows a number to StepNumber, a string to StepId, an unknown to ChecklistItemId and Round', () => {
    const n = Number('3')
    // @ts-expect-error a plain number is not a StepNumber
    getStep(n)
    if (isStepNumber(n)) {
      expectTypeOf(n).toEqualTypeOf<StepNumber>()
      getStep(n)
    }
    const id: string = 'make-a-plan'
    if (isStepId(id)) {
      expectTypeOf(id).toEqualTypeOf<StepId>()
      getStepById(id)
    }
    const stored: unknown = JSON.parse('"note-best-answer"')
    if (isChecklistItemId(stored)) expectTypeOf(stored).toEqualTypeOf<ChecklistItemId>()
    const r: unknown = 3
    if (isRound(r)) {
      expectTypeOf(r).toEqualTypeOf<Round>()
      checklistForRound(r)
    }
  })
})
