import type {Guide} from '../src/types.js'
import type {RenderData} from '../src/render/types.js'

/** First line of every generated file. */
export const GENERATED_BANNER =
  '// GENERATED FILE: do not edit by hand. Written by `npm run build` from content/; change the markdown instead.'

const union = (values: readonly (string | number)[]): string =>
  values.length === 0 ? 'never' : values.map((value) => JSON.stringify(value)).join(' | ')

/**
 * Write the guide as a TypeScript module for `src/`: literal union types for
 * step numbers and ids, and the data itself.
 *
 * @param guide The compiled guide.
 * @returns The module's source, byte-identical for identical input.
 */
export function emitDataModule(guide: Guide): string {
  const items = guide.steps.flatMap((step) => step.checklist)
  return `${GENERATED_BANNER}
import type {Guide} from '../types.js'

/** Number of a step in the guide: \`${union(guide.steps.map((step) => step.number))}\`. */
export type StepNumber = ${union(guide.steps.map((step) => step.number))}

/** Id of a step in the guide. */
export type StepId = ${union(guide.steps.map((step) => step.id))}

/** Id of a checklist item in the guide. */
export type ChecklistItemId = ${union(items.map((item) => item.id))}

/**
 * The guide compiled from content/ (src/guide.ts freezes it). Typed \`as const\`
 * so test/types.test-d.ts can check the unions above against the data itself.
 */
export const GUIDE_DATA = ${JSON.stringify(guide, null, 2)} as const satisfies Guide
`
}

/**
 * Write the render data (trees and HTML) as a second TypeScript module for
 * `src/render/`, kept apart so the main entry never bundles it.
 *
 * @param data What `compileRenderData` built.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   await writeFile('src/generated/render-data.ts', emitRenderModule(result.render))
 */
export function emitRenderModule(data: RenderData): string {
  return `${GENERATED_BANNER}
import type {RenderData} from '../render/types.js'

/** The guide's sanitised trees and HTML, compiled from content/ (src/render/ freezes them). */
export const RENDER_DATA: RenderData = ${JSON.stringify(data, null, 2)}
`
}
