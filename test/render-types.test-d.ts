import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {describe, expectTypeOf, it} from 'vitest'
import type {ChecklistItemId, StepId, StepNumber} from '../src/index.js'
import {
  type ChecklistItemContent,
  type RenderedContent,
  checklistContentForRound,
  getIntroContent,
  getStepContent,
} from '../src/render/index.js'

describe('render types', () => {
  it('content is typed with the standard mdast and hast trees', () => {
    expectTypeOf(getStepContent(1)).toEqualTypeOf<RenderedContent>()
    expectTypeOf(getIntroContent()).toEqualTypeOf<RenderedContent>()
    expectTypeOf<RenderedContent['mdast']>().toEqualTypeOf<MdastRoot>()
    expectTypeOf<RenderedContent['hast']>().toEqualTypeOf<HastRoot>()
    expectTypeOf<RenderedContent['html']>().toEqualTypeOf<string>()
    expectTypeOf<RenderedContent['text']>().toEqualTypeOf<string>()
  })

  it('checklist content carries the core literal id types', () => {
    expectTypeOf(checklistContentForRound(3)).toEqualTypeOf<readonly ChecklistItemContent[]>()
    expectTypeOf<ChecklistItemContent['id']>().toEqualTypeOf<ChecklistItemId>()
    expectTypeOf<ChecklistItemContent['stepId']>().toEqualTypeOf<StepId>()
    expectTypeOf<ChecklistItemContent['stepNumber']>().toEqualTypeOf<StepNumber>()
    expectTypeOf<ChecklistItemContent['hast']>().toEqualTypeOf<HastRoot>()
  })

  it('getStepContent(7) does not type-check', () => {
    // @ts-expect-error 7 is not a StepNumber
    getStepContent(7)
    expectTypeOf(getStepContent).parameter(0).toEqualTypeOf<StepNumber>()
  })
})
