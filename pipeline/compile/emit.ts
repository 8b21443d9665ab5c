import type {CompactGuide, CompactItem, CompactStep, ItemExceptions} from '../../src/expand.js'
import type {Guide, RoundRange} from '../../src/types.js'
import type {RenderData} from '../../src/render/types.js'
import {fillTemplate, grammarOf} from '../parse/grammar.js'

/** First line of every generated file. */
export const GENERATED_BANNER =
  '// GENERATED FILE: do not edit by hand. Written by `npm run build` from content/; change the markdown instead.'

const union = (values: readonly (string | number)[]): string =>
  values.length === 0 ? 'never' : values.map((value) => JSON.stringify(value)).join(' | ')

// The value most of `values` have (the first of a tie), for the defaults.
function commonest<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>()
  let best = fallback
  let most = 0
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    if (count > most) [best, most] = [value, count]
  }
  return best
}

const sameRounds = (a: RoundRange, b: RoundRange): boolean => a.from === b.from && a.to === b.to

/**
 * The guide in the form the runtime ships (src/expand.ts): each field that
 * can be derived at load is left out, and written only where the derivation
 * would differ: an item's `stepId`/`stepNumber` (its step's), `text` (its
 * template rendered for its first round), `rounds` (the guide's), and each
 * step's and item's `since`/`translation` (the commonest) and `locale` (the
 * guide's). src/expand.ts rebuilds exactly `guide`; a test compares the two.
 *
 * @param guide The compiled guide.
 * @returns The compact form, in the key order the runtime expects.
 * @example
 *   compactGuide(guide).defaults // {since: '1.0.0', translation: 'source'}
 */
export function compactGuide(guide: Guide): CompactGuide {
  const items = guide.steps.flatMap((step) => step.checklist)
  const units = [...guide.steps, ...items]
  const defaults = {
    since: commonest(units.map((unit) => unit.since), guide.version),
    translation: commonest(units.map((unit) => unit.translation), guide.introduction.translation),
  }
  // The fields every step and item shares, written only when not the default.
  const exceptions = (unit: Guide['steps'][number] | Guide['steps'][number]['checklist'][number]) => ({
    ...(unit.since === defaults.since ? {} : {since: unit.since}),
    ...(unit.locale === guide.locale ? {} : {locale: unit.locale}),
    ...(unit.translation === defaults.translation ? {} : {translation: unit.translation}),
  })
  const steps = guide.steps.map((step, index): CompactStep => {
    if (step.number !== index + 1) throw new Error(`emit: expected step ${index + 1} to be numbered ${index + 1}, received ${step.number}`)
    const checklist = step.checklist.map((item): CompactItem => {
      if (item.stepId !== step.id || item.stepNumber !== step.number) {
        throw new Error(`emit: expected item "${item.id}" to carry its step's id and number ("${step.id}", ${step.number})`)
      }
      // The text the runtime derives: as pipeline/compile/compile.ts renders it.
      const grammar = grammarOf(item.locale)
      const derived = grammar === undefined ? undefined : fillTemplate(item.template, Math.max(guide.rounds.from, item.rounds.from), grammar)
      const written: ItemExceptions = {
        ...(derived === item.text ? {} : {text: item.text}),
        ...(sameRounds(item.rounds, guide.rounds) ? {} : {rounds: item.rounds}),
        ...exceptions(item),
      }
      return Object.keys(written).length === 0 ? [item.id, item.template, item.hash] : [item.id, item.template, item.hash, written]
    })
    const written = exceptions(step)
    const shipped = [step.id, step.title, step.summary, step.body, step.hash, checklist] as const
    return Object.keys(written).length === 0 ? shipped : [...shipped, written]
  })
  const {title, locale, version, schemaVersion, rounds, introduction, labels} = guide
  return {title, locale, version, schemaVersion, rounds, introduction, labels, defaults, steps}
}

// Ends every GUIDE_DATA module (the source's and each locale's); its text says why.
const COMPACT_GUIDE_CHECK = `// The data is a CompactGuide (src/expand.ts): checked by this type, which
// costs no code. Not \`satisfies\`, which would hide the literal type from
// the declaration build (scripts/declarations.ts: isolated declarations).
type Checked<T extends CompactGuide> = T
export type CheckedGuideData = Checked<typeof GUIDE_DATA>
`

/**
 * Write the guide's ids as a TypeScript module for `src/generated/ids.ts`:
 * literal union types for step numbers, step ids and item ids (src/types.ts
 * exports them; every locale has the same ones).
 *
 * @param guide The compiled guide.
 * @returns The module's source, byte-identical for identical input.
 */
export function emitIdsModule(guide: Guide): string {
  const items = guide.steps.flatMap((step) => step.checklist)
  return `${GENERATED_BANNER}
/** Number of a step in the guide: \`${union(guide.steps.map((step) => step.number))}\`. */
export type StepNumber = ${union(guide.steps.map((step) => step.number))}

/** Id of a step in the guide. */
export type StepId = ${union(guide.steps.map((step) => step.id))}

/** Id of a checklist item in the guide. */
export type ChecklistItemId = ${union(items.map((item) => item.id))}
`
}

/**
 * Write the guide as a TypeScript module for `src/`: the data itself, in its
 * compact form.
 *
 * @param guide The compiled guide.
 * @returns The module's source, byte-identical for identical input.
 */
export function emitDataModule(guide: Guide): string {
  return `${GENERATED_BANNER}
import type {CompactGuide} from '../expand.js'

/**
 * The guide compiled from content/, in its compact form (src/expand.ts turns
 * it into the public objects at load). Typed \`as const\` so
 * test/types.test-d.ts can check the id unions (src/generated/ids.ts)
 * against the data itself.
 */
export const GUIDE_DATA = ${JSON.stringify(compactGuide(guide), null, 2)} as const

${COMPACT_GUIDE_CHECK}`
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
 * source's (a translation has exactly the source's ids, src/generated/ids.ts).
 *
 * @param guide The locale's compiled guide.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   emitLocaleDataModule(compileLocale(lint, lint.locales[0]!, options))
 */
export function emitLocaleDataModule(guide: Guide): string {
  return `${GENERATED_BANNER}
import type {CompactGuide} from '../../../expand.js'

/** The guide in \`${guide.locale}\`, compiled from content/locales/${guide.locale}/ and the source (untranslated parts fall back to it), in its compact form (src/expand.ts). */
export const GUIDE_DATA = ${JSON.stringify(compactGuide(guide), null, 2)} as const

${COMPACT_GUIDE_CHECK}`
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
