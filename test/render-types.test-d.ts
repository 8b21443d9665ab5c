import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {describe, expectTypeOf, it} from 'vitest'
import type {ChecklistItemId, StepId, StepNumber} from '../src/index.js'
import {
  type ChecklistItemContent,
  type ReadonlyTree,
  type RenderedContent,
  checklistContentForRound,
  getIntroContent,
  getStepContent,
} from '../src/render/index.js'

describe('render types', () => {
  it('content is typed with the standard mdast and hast trees', () => {
    expectTypeOf(getStepContent(1)).toEqualTypeOf<RenderedContent>()
    expectTypeOf(getIntroContent()).toEqualTypeOf<RenderedContent>()
    expectTypeOf<RenderedContent['mdast']>().toEqualTypeOf<ReadonlyTree<MdastRoot>>()
    expectTypeOf<RenderedContent['hast']>().toEqualTypeOf<ReadonlyTree<HastRoot>>()
    expectTypeOf<RenderedContent['html']>().toEqualTypeOf<string>()
    expectTypeOf<RenderedContent['text']>().toEqualTypeOf<string>()
  })

  it('checklist content carries the core literal id types', () => {
    expectTypeOf(checklistContentForRound(3)).toEqualTypeOf<readonly ChecklistItemContent[]>()
    expectTypeOf<ChecklistItemContent['id']>().toEqualTypeOf<ChecklistItemId>()
    expectTypeOf<ChecklistItemContent['stepId']>().toEqualTypeOf<StepId>()
    expectTypeOf<ChecklistItemContent['stepNumber']>().toEqualTypeOf<StepNumber>()
    expectTypeOf<ChecklistItemContent['hast']>().toEqualTypeOf<ReadonlyTree<HastRoot>>()
    expectTypeOf<ChecklistItemContent['html']>().toEqualTypeOf<string>()
  })

  it('getStepContent(0) does not type-check', () => {
    // @ts-expect-error 0 is never a StepNumber
    getStepContent(0)
    expectTypeOf(getStepContent).parameter(0).toEqualTypeOf<StepNumber>()
  })
})

// Issue 10 (item 6): the trees are frozen, so their types are read-only all
// the way down; a clone is the way to a tree one may change.
describe('render trees are typed read-only all the way down', () => {
  it('rejects every write the freezing would reject at run time', () => {
    const content = getStepContent(2)
    // @ts-expect-error children is a readonly array
    content.hast.children.push({type: 'text', value: 'x'})
    // @ts-expect-error properties are read-only
    content.hast.type = 'root'
    const first = content.hast.children[0]
    if (first?.type === 'element') {
      // @ts-expect-error element properties are read-only, so no `className` can be added
      first.properties.className = ['x']
      // @ts-expect-error nested children too
      first.children.pop()
    }
    // @ts-expect-error the mdast too
    content.mdast.children.splice(0)
    const item = checklistContentForRound(3)[0]
    // @ts-expect-error an item's inline tree too
    item?.hast.children.push({type: 'text', value: 'x'})
  })

  it('accepts the standard trees where a read-only one is expected, and clones to them', () => {
    expectTypeOf<HastRoot>().toExtend<ReadonlyTree<HastRoot>>()
    expectTypeOf<MdastRoot>().toExtend<ReadonlyTree<MdastRoot>>()
    const copy = structuredClone(getStepContent(2).hast) as HastRoot
    copy.children.push({type: 'text', value: 'x'})
    expectTypeOf(copy).toEqualTypeOf<HastRoot>()
  })
})
