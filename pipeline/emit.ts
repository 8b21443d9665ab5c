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

/**
 * Write a translation's guide as a TypeScript module for
 * `src/generated/locales/<tag>/guide-data.ts`: the same shape as the
 * source's, its id and number types re-exported from the source's module (a
 * translation has exactly the source's ids).
 *
 * @param guide The locale's compiled guide.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   emitLocaleDataModule(compileLocale(lint, lint.locales[0]!, options))
 */
export function emitLocaleDataModule(guide: Guide): string {
  return `${GENERATED_BANNER}
import type {Guide} from '../../../types.js'

export type {ChecklistItemId, StepId, StepNumber} from '../../guide-data.js'

/** The guide in \`${guide.locale}\`, compiled from content/locales/${guide.locale}/ and the source (untranslated parts fall back to it). */
export const GUIDE_DATA = ${JSON.stringify(guide, null, 2)} as const satisfies Guide
`
}

/**
 * Write a translation's render data as `src/generated/locales/<tag>/render-data.ts`.
 *
 * @param data What `compileLocaleRenderData` built.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   emitLocaleRenderModule(compileLocaleRenderData(lint, lint.locales[0]!))
 */
export function emitLocaleRenderModule(data: RenderData): string {
  return `${GENERATED_BANNER}
import type {RenderData} from '../../../render/types.js'

/** The guide's sanitised trees and HTML in this locale (src/render/ freezes them). */
export const RENDER_DATA: RenderData = ${JSON.stringify(data, null, 2)}
`
}

/**
 * Write `src/generated/locales.ts`: every locale the content has, the source first.
 *
 * @param source The source's tag.
 * @param translations The translations' tags, in the order they are listed.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   emitLocalesModule('en-GB', ['de', 'es']) // … LOCALES = ["en-GB", "de", "es"] as const …
 */
export function emitLocalesModule(source: string, translations: readonly string[]): string {
  return `${GENERATED_BANNER}

/** Every locale the guide is compiled for: the source first, then each translation (content/locales/<tag>/). */
export const LOCALES = ${JSON.stringify([source, ...translations])} as const

/** The locale the content is written in (content/guide.md); translations fall back to it. */
export const SOURCE_LOCALE = ${JSON.stringify(source)}

/** A locale the guide is compiled for. */
export type Locale = (typeof LOCALES)[number]
`
}
