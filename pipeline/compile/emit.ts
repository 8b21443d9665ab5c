import type {CompactGuide, CompactItem, CompactStep, ItemExceptions} from '../../src/expand.js'
import type {Guide, RoundRange} from '../../src/types.js'
import type {LocaleApi} from '../../src/locale-api.js'
import type {RenderModule} from '../../src/render/api.js'
import type {BuiltContent, RenderData, ShippedRenderData} from '../../src/render/types.js'
import {type Ordinals, ordinalOf} from '../../src/ordinal.js'
import {renderTemplate} from '../../src/template.js'

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
 * @param ordinals Each locale's ordinals by tag (the guide's, and the source's for its fallbacks).
 * @returns The compact form, in the key order the runtime expects.
 * @example
 *   compactGuide(guide, result.ordinals).defaults // {since: '1.0.0', translation: 'source'}
 */
export function compactGuide(guide: Guide, ordinals: Readonly<Record<string, Ordinals>>): CompactGuide {
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
  // Steps are numbered 1 to n (the lint's step-numbering) and each item
  // carries its step's id and number (compileGuide writes them so).
  const steps = guide.steps.map((step): CompactStep => {
    const checklist = step.checklist.map((item): CompactItem => {
      // The text the runtime derives: as pipeline/compile/compile.ts renders it.
      const spelling = ordinals[item.locale]
      const derived = spelling === undefined ? undefined : renderTemplate(item.template, Math.max(guide.rounds.from, item.rounds.from), ordinalOf(spelling))
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
 * Write one locale's guide as `src/generated/locales/<tag>/guide-data.ts`:
 * the data itself, in its compact form (every locale has the source's ids,
 * src/generated/ids.ts). Typed as `as const` would type it, so
 * test/types.test-d.ts can check the id unions against the data itself.
 *
 * @param guide The locale's compiled guide (the source's or a translation's).
 * @param ordinals Each locale's ordinals by tag (`BuildResult['ordinals']`).
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   await writeFile('src/generated/locales/en-GB/guide-data.ts', emitDataModule(result.guide, result.ordinals))
 */
export function emitDataModule(guide: Guide, ordinals: Readonly<Record<string, Ordinals>>): string {
  const data = compactGuide(guide, ordinals)
  return `${GENERATED_BANNER}
import type {CompactGuide} from '../../../expand.js'

/** The guide in \`${guide.locale}\`, compiled from content/ (a translation's untranslated parts fall back to the source), in its compact form (src/expand.ts turns it into the public objects at load). */
export const GUIDE_DATA: GuideData = ${jsonParse(data)}

/** The data's own type, as \`as const\` would give it: its ids are literal types. */
type GuideData = ${literalType(data)}

${COMPACT_GUIDE_CHECK}`
}

// A JSON value's type, read-only, each string and number its literal type.
function literalType(value: unknown): string {
  if (Array.isArray(value)) return `readonly [${value.map(literalType).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `readonly ${JSON.stringify(key)}: ${literalType(item)}`).join('; ')}}`
  return JSON.stringify(value)
}

/**
 * Write one locale's render data (trees and HTML) as
 * `src/generated/locales/<tag>/render-data.ts`, kept apart so the text API never bundles it.
 *
 * @param data What `compileRenderData` built.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   await writeFile('src/generated/locales/en-GB/render-data.ts', emitRenderModule(result.render))
 */
export function emitRenderModule(data: RenderData): string {
  // The plain text is left out: src/render/api.ts derives it from the hast.
  const trees = ({text: _text, ...rest}: BuiltContent): ShippedRenderData['introduction'] => rest
  const shipped: ShippedRenderData = {introduction: trees(data.introduction), steps: data.steps.map(trees), items: data.items}
  return `${GENERATED_BANNER}
import type {ShippedRenderData} from '../../../render/types.js'

/** The guide's sanitised trees and HTML in this locale (src/render/api.ts freezes them and adds the text). */
export const RENDER_DATA: ShippedRenderData = ${jsonParse(shipped)}
`
}

/**
 * Write a value as a call of `JSON.parse` on its compact JSON: the bundler
 * prints an object literal back one property a line (a third of the bytes
 * whitespace), a string as it is; and V8 parses JSON faster than the same
 * object literal. Marked pure, so that a bundle that does not use it drops
 * it. The size budget leaves these calls out (scripts/bundle-size.ts): they
 * are the content.
 *
 * @param value Plain data.
 * @returns The expression.
 */
export function jsonParse(value: unknown): string {
  return `/* @__PURE__ */ JSON.parse('${JSON.stringify(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}')`
}

// Every member of each API, which a locale's entry exports one line each
// (the types keep the lists complete), with the doc comment of a value: a
// function shows its own, from the API's interface, wherever it is used.
const LOCALE_API_KEYS: Record<keyof LocaleApi, string> = {
  guide: 'The whole guide in this locale: title, content `version`, `schemaVersion`, covered `rounds`, `introduction` and `steps`. Deeply frozen.',
  getStep: '',
  getStepById: '',
  listSteps: '',
  checklistForRound: '',
  roundHeading: '',
  isStepNumber: '',
  isStepId: '',
  isChecklistItemId: '',
  isRound: '',
  releases: 'Every published release of the content, oldest first, with what changed in each. Deeply frozen; the same in every locale.',
  changesSince: '',
  migrateProgress: '',
  progressForRound: '',
}
const RENDER_API_KEYS: Record<keyof RenderModule, string> = {getStepContent: '', getIntroContent: '', checklistContentForRound: ''}

// One export per member. A locale's members are each bound by a call of
// their own, marked pure, so that a bundler drops what an app does not use.
const members = (type: string, keys: Record<string, string>, value: (key: string) => string): string =>
  Object.entries(keys)
    .map(([key, doc]) => `${doc === '' ? '' : `/** ${doc} */\n`}export const ${key}: ${type}['${key}'] = ${value(key)}`)
    .join('\n')

// A locale's two entries: the shared code bound to its data and its
// ordinals (ordinals.ts, from its guide.md), and the source's for items that
// fell back to it.
function entryModules(tag: string, source: string): {index: string; render: string} {
  const spelling = `import {ordinalOf} from '../../../ordinal.js'
import {ORDINALS} from './ordinals.js'
import {ORDINALS as SOURCE_ORDINALS} from '../${source}/ordinals.js'`
  const spell = '{ordinal: /* @__PURE__ */ ordinalOf(ORDINALS), sourceOrdinal: /* @__PURE__ */ ordinalOf(SOURCE_ORDINALS)}'
  return {
    index: `${GENERATED_BANNER}
// \`ace-second-interview/locales/${tag}\`: the locale API (src/locale-api.ts) bound to this locale's data.
import * as api from '../../../locale-api.js'
${spelling}
import {GUIDE_DATA} from './guide-data.js'

const locale: api.BoundLocale = /* @__PURE__ */ api.openLocale(GUIDE_DATA, ${spell})

${members('api.LocaleApi', LOCALE_API_KEYS, (key) => `/* @__PURE__ */ api.${key}(locale)`)}
export * from '../../../locale-shared.js'
`,
    render: `${GENERATED_BANNER}
// \`ace-second-interview/locales/${tag}/render\`: the render forms (src/render/api.ts) bound to this locale's data.
import {type RenderModule, createRenderApi} from '../../../render/api.js'
${spelling}
import {checklistForRound, getStep, guide} from './index.js'
import {RENDER_DATA} from './render-data.js'

const api: RenderModule = createRenderApi({checklistForRound, getStep, guide}, RENDER_DATA, ${spell})

${members('RenderModule', RENDER_API_KEYS, (key) => `api.${key}`)}
export type {ChecklistItemContent, ReadonlyTree, RenderedContent} from '../../../render/types.js'
`,
  }
}

/**
 * Write the modules that make each locale an entry (beside
 * `src/generated/locales.ts`): `locales/<tag>/index.ts` and `render.ts`
 * (the shared code bound to the locale's data), `source.ts` and
 * `source-render.ts` (the source locale's, which the main entries export),
 * and `import-locale.ts` and `import-content.ts` (a literal `import()` of
 * each, for `loadLocale` and `loadLocaleContent`: two modules, as bundlers
 * split by module and neither entry must carry the other's).
 *
 * @param source The source's tag.
 * @param translations The translations' tags.
 * @param ordinals Each locale's ordinals by tag, written as its `locales/<tag>/ordinals.ts`.
 * @returns Each module's source by its path under `src/generated/`, byte-identical for identical input.
 * @example
 *   emitEntryModules('en-GB', ['de'], result.ordinals)['locales/de/index.ts'] // … api.openLocale(GUIDE_DATA, …) …
 */
export function emitEntryModules(source: string, translations: readonly string[], ordinals: Readonly<Record<string, Ordinals>>): Record<string, string> {
  const tags = [source, ...translations]
  // One literal import() per locale, so that bundlers split each into a chunk of its own.
  const loader = (name: string, type: string, from: string, file: string): string => `${GENERATED_BANNER}
import type {${type}} from '${from}'
import type {Locale} from './locales.js'

/** Import a locale's \`${file}\` entry, \`locales/<tag>/${file}.ts\` (the caller checks the tag first). */
export function ${name}(locale: Locale): Promise<${type}> {
  switch (locale) {
${tags.map((tag) => `    case ${JSON.stringify(tag)}:\n      return import('./locales/${tag}/${file}.js')`).join('\n')}
  }
}
`
  return {
    'source.ts': `${GENERATED_BANNER}\n// The source locale's entry, which the main entry (src/index.ts) exports.\nexport * from './locales/${source}/index.js'\n`,
    'source-render.ts': `${GENERATED_BANNER}\n// The source locale's render entry, which \`ace-second-interview/render\` (src/render/index.ts) exports.\nexport * from './locales/${source}/render.js'\n`,
    'import-locale.ts': loader('importLocale', 'LocaleModule', '../locale-api.js', 'index'),
    'import-content.ts': loader('importLocaleContent', 'RenderModule', '../render/api.js', 'render'),
    ...Object.fromEntries(
      tags.flatMap((tag) => {
        const {index, render} = entryModules(tag, source)
        const data = `${GENERATED_BANNER}\nimport type {Ordinals} from '../../../ordinal.js'\n\n/** How \`${tag}\` spells rounds: its guide.md's \`ordinals\`. */\nexport const ORDINALS: Ordinals = ${JSON.stringify(ordinals[tag], null, 2)}\n`
        return [[`locales/${tag}/index.ts`, index], [`locales/${tag}/render.ts`, render], [`locales/${tag}/ordinals.ts`, data]]
      }),
    ),
  }
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
