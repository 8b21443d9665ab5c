import {describe, expectTypeOf, it} from 'vitest'
import {
  type ChecklistItem,
  type ChecklistItemId,
  type Guide,
  type Round,
  type Step,
  type StepId,
  type StepNumber,
  checklistForRound,
  getStep,
  getStepById,
  guide,
  isGuideError,
  listSteps,
} from '../src/index.js'

describe('types', () => {
  it('StepNumber and StepId are literal unions generated from the content', () => {
    expectTypeOf<StepNumber>().toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6>()
    expectTypeOf<'make-a-plan'>().toExtend<StepId>()
    expectTypeOf<'not-a-step'>().not.toExtend<StepId>()
    expectTypeOf<'note-best-answer'>().toExtend<ChecklistItemId>()
  })

  it('getStep(7) and getStepById("nope") do not type-check', () => {
    // @ts-expect-error 7 is not a StepNumber
    getStep(7)
    // @ts-expect-error not a StepId
    getStepById('nope')
    expectTypeOf(getStep).parameter(0).toEqualTypeOf<StepNumber>()
  })

  it('returns read-only, typed data', () => {
    expectTypeOf(getStep(1)).toEqualTypeOf<Step>()
    expectTypeOf(listSteps()).toEqualTypeOf<readonly Step[]>()
    expectTypeOf(checklistForRound(3)).toEqualTypeOf<readonly ChecklistItem[]>()
    expectTypeOf(guide).toEqualTypeOf<Guide>()
    expectTypeOf<Round>().toEqualTypeOf<number>()
    expectTypeOf(getStep(1).checklist[0]!.stepNumber).toEqualTypeOf<StepNumber>()
    // @ts-expect-error read-only
    guide.steps[0] = getStep(1)
    // @ts-expect-error read-only
    getStep(1).title = 'x'
  })

  it('isGuideError narrows to an error with a code', () => {
    const error: unknown = new Error('x')
    if (isGuideError(error)) expectTypeOf(error.code).toExtend<string>()
  })
})
