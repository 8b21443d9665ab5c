// Type-only imports of the standard syntax-tree types (`@types/hast`,
// `@types/mdast`, listed in `dependencies` for that reason): erased at build
// time, so the runtime still imports nothing.
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {ChecklistItemId, StepId, StepNumber} from '../types.js'

/**
 * One piece of the guide (a step's body or the introduction) in every form an
 * app may render. Deeply frozen; plain JSON (no positions, no functions).
 */
export interface RenderedContent {
  /** The markdown tree (mdast), positions removed. */
  readonly mdast: MdastRoot
  /** The sanitised HTML tree (hast): what `html` is serialised from. */
  readonly hast: HastRoot
  /** Sanitised HTML, safe to assign to `innerHTML`. */
  readonly html: string
  /** Plain text: exactly the text content of `html`. */
  readonly text: string
}

/** One checklist item as inline rich content, rendered for one round. */
export interface ChecklistItemContent {
  /** Stable id, the same as the core `ChecklistItem.id`. */
  readonly id: ChecklistItemId
  /** Id of the step the item belongs to. */
  readonly stepId: StepId
  /** Number of the step the item belongs to. */
  readonly stepNumber: StepNumber
  /** Plain text for the round: equal to `checklistForRound(r)`'s `text`, and to `hast`'s text content. */
  readonly text: string
  /** Sanitised inline hast (phrasing content, no wrapping `<p>`), placeholders filled for the round. */
  readonly hast: HastRoot
}

/** What the build generates for the render subpath (internal). */
export interface RenderData {
  /** The introduction. */
  readonly introduction: RenderedContent
  /** Each step's body, in step order. */
  readonly steps: readonly RenderedContent[]
  /** Each checklist item's inline hast by id, placeholders unfilled. */
  readonly items: Readonly<Record<string, HastRoot>>
}
