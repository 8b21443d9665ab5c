import {describe, expectTypeOf, it} from 'vitest'
import type {GUIDE_DATA} from '../src/generated/locales/en-GB/guide-data.js'
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

// The data as generated from content/, typed `as const`: the expected unions
// follow the content, so adding, removing or renaming a step or item needs no
// edit here.
type ShippedSteps = (typeof GUIDE_DATA)['steps']
type ShippedStep = ShippedSteps[number]
// The data ships no step numbers (a step's number is its position): the
// positions of the steps tuple, counted from 1.
type Positions<T extends readonly unknown[], Seen extends unknown[] = []> = T extends readonly [unknown, ...infer Rest]
  ? [...Seen, unknown]['length'] | Positions<Rest, [...Seen, unknown]>
  : never

describe('types', () => {
  it('StepNumber, StepId and ChecklistItemId are exactly the numbers and ids in the content', () => {
    expectTypeOf<StepNumber>().toEqualTypeOf<Positions<ShippedSteps>>()
    // A shipped step is positional: [id, title, summary, body, hash, checklist, …]; an item [id, …].
    expectTypeOf<StepId>().toEqualTypeOf<ShippedStep[0]>()
    expectTypeOf<ChecklistItemId>().toEqualTypeOf<ShippedStep[5][number][0]>()
    // The last step's number is the step count, one more is not a step.
    expectTypeOf<ShippedSteps['length']>().toExtend<StepNumber>()
    expectTypeOf<[...ShippedSteps, unknown]['length']>().not.toExtend<StepNumber>()
  })

  it('the unions are literal unions, not widened to number or string', () => {
    expectTypeOf<number>().not.toExtend<StepNumber>()
    expectTypeOf<0>().not.toExtend<StepNumber>()
    expectTypeOf<string>().not.toExtend<StepId>()
    expectTypeOf<'not-a-step'>().not.toExtend<StepId>()
    expectTypeOf<string>().not.toExtend<ChecklistItemId>()
    expectTypeOf<StepId>().not.toExtend<ChecklistItemId>()
  })

  it('getStep(0) and getStepById("nope") do not type-check', () => {
    // @ts-expect-error 0 is never a StepNumber
    getStep(0)
    // @ts-expect-error not a StepId
    getStepById('nope')
    expectTypeOf(getStep).parameter(0).toEqualTypeOf<StepNumber>()
    expectTypeOf(getStepById).parameter(0).toEqualTypeOf<StepId>()
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
