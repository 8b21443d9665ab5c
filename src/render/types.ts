// Type-only imports of the standard syntax-tree types (`@types/hast`,
// `@types/mdast`, listed in `dependencies` for that reason): erased at build
// time, so the runtime still imports nothing.
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {ChecklistItemId, StepId, StepNumber} from '../types.js'

/**
 * A tree typed read-only all the way down, as the data is frozen: arrays are
 * `readonly`, every property `readonly`. To change a tree (a unified plugin, a
 * transformer), clone it first: `structuredClone(tree)` gives a mutable copy
 * typed with the standard `Root`.
 */
export type ReadonlyTree<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? readonly ReadonlyTree<Item>[]
    : {readonly [Key in keyof T]: ReadonlyTree<T[Key]>}

/**
 * One piece of the guide (a step's body or the introduction) in every form an
 * app may render. Deeply frozen, and typed so; plain JSON (no positions, no
 * functions).
 */
export interface RenderedContent {
  /** The markdown tree (mdast), positions removed. */
  readonly mdast: ReadonlyTree<MdastRoot>
  /** The sanitised HTML tree (hast): what `html` is serialised from. */
  readonly hast: ReadonlyTree<HastRoot>
  /** Sanitised HTML, safe to assign to `innerHTML`. */
  readonly html: string
  /** Plain text: exactly the text content of `html`. */
  readonly text: string
}

/** What the build makes for one piece of content, before it is frozen (internal). */
export interface BuiltContent {
  /** The markdown tree (mdast), positions removed. */
  mdast: MdastRoot
  /** The sanitised HTML tree (hast). */
  hast: HastRoot
  /** `hast` serialised. */
  html: string
  /** The text content of `html`. */
  text: string
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
  readonly hast: ReadonlyTree<HastRoot>
  /** `hast` serialised: sanitised inline HTML, safe to assign to `innerHTML`, placeholders filled for the round. */
  readonly html: string
}

/** One checklist item as the build makes it, placeholders unfilled (internal). */
export interface BuiltItem {
  /** Inline hast; `{round}`, `{previous}` and `{next}` still in its text nodes. */
  readonly hast: HastRoot
  /**
   * The HTML serialised from `hast`, split at each placeholder of a text node:
   * even indices are HTML, odd ones a placeholder's name (`'next'`). A `{…}`
   * in an attribute is not split, exactly as `hast` leaves attributes alone.
   */
  readonly html: readonly string[]
}

/** What the build generates for the render subpath (internal). */
export interface RenderData {
  /** The introduction. */
  readonly introduction: BuiltContent
  /** Each step's body, in step order. */
  readonly steps: readonly BuiltContent[]
  /** Each checklist item's inline hast and split HTML by id, placeholders unfilled. */
  readonly items: Readonly<Record<string, BuiltItem>>
}

/** What a locale's render data module ships (internal): {@link RenderData} without each piece's `text`, which `createRenderApi` derives from its `hast`. */
export interface ShippedRenderData extends Omit<RenderData, 'introduction' | 'steps'> {
  /** The introduction. */
  readonly introduction: Omit<BuiltContent, 'text'>
  /** Each step's body, in step order. */
  readonly steps: readonly Omit<BuiltContent, 'text'>[]
}
