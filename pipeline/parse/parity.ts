// The source's steps and items by id, for the rules and the compiler that
// line a translation up with the source.
import type {Node, Position} from 'unist'
import type {ChecklistEntry, ContentDocument} from './document.js'
import type {Manifest} from '../release/manifest.js'
import type {SourceView} from '../lint/rule.js'
import type {Prose} from './prose.js'
import type {UnitKey} from '../read/translation-record.js'
import {ID_PATTERN, plainText, stepIdOf, stepNumberOf} from './document.js'
import {contentHash, introductionWords, itemHash, itemTemplate, paragraphsOf, stepWords, titleOf} from './units.js'
import {languageOf} from '../lint/dictionaries.js'

/** A source step, by id. */
export interface SourceStep {
  readonly id: string
  readonly number: number
  readonly document: ContentDocument
  /** Hash of its words (title, summary, body). */
  readonly hash: string
  /** Its items' ids, in order. */
  readonly items: readonly string[]
}

/** A source item, by id. */
export interface SourceItem {
  readonly id: string
  readonly stepId: string
  readonly document: ContentDocument
  readonly entry: ChecklistEntry
  readonly template: string
  /** Rounds as written (`2+`). */
  readonly rounds: string
  readonly hash: string
}

/** The source, indexed for parity. */
export interface SourceIndex {
  readonly introduction: string
  readonly steps: ReadonlyMap<string, SourceStep>
  readonly items: ReadonlyMap<string, SourceItem>
}

const indexes = new WeakMap<SourceView, SourceIndex>()

/**
 * Index the source's steps and items by id (once per source view).
 *
 * @param source The source, as a translation's rules see it.
 * @returns Steps and items by id, with their hashes.
 */
export function indexSource(source: SourceView): SourceIndex {
  const known = indexes.get(source)
  if (known !== undefined) return known
  const steps = new Map<string, SourceStep>()
  const items = new Map<string, SourceItem>()
  for (const document of [...source.steps].sort((a, b) => (stepNumberOf(a) ?? 0) - (stepNumberOf(b) ?? 0))) {
    const id = stepIdOf(document) as string
    const ids: string[] = []
    for (const entry of document.items) {
      const itemId = entry.attributes?.id ?? ''
      const template = itemTemplate(entry)
      ids.push(itemId)
      items.set(itemId, {id: itemId, stepId: id, document, entry, template, rounds: entry.attributes?.pairs.get('rounds') ?? '', hash: itemHash(template)})
    }
    steps.set(id, {id, number: stepNumberOf(document) as number, document, hash: contentHash(stepWords(document)), items: ids})
  }
  const index = {introduction: contentHash(introductionWords(source.guide)), steps, items}
  indexes.set(source, index)
  return index
}

/** A translation's units that are still the source's words: copies not translated yet. */
export interface Untranslated {
  readonly introduction: boolean
  readonly steps: ReadonlySet<string>
  readonly items: ReadonlySet<string>
}

/**
 * Find the units a translation holds in the source's very words: a step or
 * item copied from the source to be translated, not translated yet. They
 * count as missing: shipped as the source's, not marked current, not spelt
 * in the translation's language. Only in a locale of another language than
 * the source's: in `en-US`, the `en-GB` words may well be the translation.
 *
 * @param source The source, as a translation's rules see it.
 * @param locale The translation's tag and the source's.
 * @param guide The translation's guide.md, if parsed.
 * @param steps The translation's steps.
 * @returns The introduction's verdict and the step and item ids.
 */
export function untranslatedUnits(source: SourceView, locale: {readonly tag: string; readonly sourceTag: string}, guide: ContentDocument | undefined, steps: readonly ContentDocument[]): Untranslated {
  const found = {introduction: false, steps: new Set<string>(), items: new Set<string>()}
  if (languageOf(locale.tag) === languageOf(locale.sourceTag)) return found
  const index = indexSource(source)
  found.introduction = guide !== undefined && contentHash(introductionWords(guide)) === index.introduction
  for (const document of steps) {
    const id = stepIdOf(document)
    if (id !== undefined && contentHash(stepWords(document)) === index.steps.get(id)?.hash) found.steps.add(id)
    for (const entry of document.items) {
      const itemId = itemIdOf(entry)
      if (itemId !== undefined && itemHash(itemTemplate(entry)) === index.items.get(itemId)?.hash) found.items.add(itemId)
    }
  }
  return found
}

/**
 * Every unit a translation translates: the introduction (when it has a
 * guide.md), and each step and item of the source that it has, where the
 * source has it, less those still in the source's words ({@link untranslatedUnits}).
 * What `content:translated` may mark current, and what the status counts as translated.
 *
 * @param source The source, as a translation's rules see it.
 * @param translation The translation's tags, guide.md and steps (a `LocaleLint`).
 * @returns The units, the introduction first, then in the translation's step file order.
 */
export function translatedUnits(
  source: SourceView,
  translation: {readonly locale: {readonly tag: string; readonly sourceTag: string}; readonly guide: ContentDocument | undefined; readonly steps: readonly ContentDocument[]},
): UnitKey[] {
  const index = indexSource(source)
  const copies = untranslatedUnits(source, translation.locale, translation.guide, translation.steps)
  const found: UnitKey[] = translation.guide === undefined || copies.introduction ? [] : [{target: 'introduction', id: 'introduction'}]
  for (const document of translation.steps) {
    const id = stepIdOf(document)
    if (id === undefined || !index.steps.has(id)) continue
    if (!copies.steps.has(id)) found.push({target: 'step', id})
    for (const entry of document.items) {
      const itemId = itemIdOf(entry)
      if (itemId !== undefined && index.items.get(itemId)?.stepId === id && !copies.items.has(itemId)) found.push({target: 'item', id: itemId})
    }
  }
  return found
}

/**
 * A translated document's prose less the parts still in the source's words
 * (a title, summary, paragraph or item copied to be translated): they are
 * not spelt, nor checked for repeats, in the translation's language. As
 * {@link untranslatedUnits}, only in a locale of another language.
 *
 * @param prose What `proseOf` returned for the document.
 * @param document The translated document.
 * @param source The source, or `undefined` in the source itself.
 * @param locale The document's tag and the source's.
 * @returns The prose, with the copied parts' source offsets added to its `skip`.
 */
export function translatedProse(prose: Prose, document: ContentDocument, source: SourceView | undefined, locale: {readonly tag: string; readonly sourceTag: string}): Prose {
  if (source === undefined || languageOf(locale.tag) === languageOf(locale.sourceTag)) return prose
  const index = indexSource(source)
  const skip = [...prose.skip]
  const span = (node: Node | undefined): void => {
    const {start, end} = node?.position ?? {}
    if (start?.offset !== undefined && end?.offset !== undefined) skip.push([start.offset, end.offset])
  }
  const original = document.kind === 'guide' ? source.guide : index.steps.get(stepIdOf(document) ?? '')?.document
  if (original !== undefined) {
    if (titleOf(document) === titleOf(original)) span(document.title)
    // The summary is the front matter's only prose.
    if (document.kind === 'step' && stepWords(document).summary === stepWords(original).summary) span(document.tree.children.find((node) => node.type === 'yaml'))
    const paragraphs = new Set(paragraphsOf(original))
    for (const node of document.body) if (node.type === 'paragraph' && paragraphs.has(plainText(node))) span(node)
  }
  for (const entry of document.items) {
    const item = index.items.get(itemIdOf(entry) ?? '')
    if (item !== undefined && itemTemplate(entry) === item.template) span(entry.node)
  }
  return {...prose, skip}
}

/**
 * `file:line:column` of a place in a document, for messages that point from
 * one file to another.
 *
 * @param document The document.
 * @param position Where in it (default: its start).
 */
export function placeOf(document: ContentDocument, position: Position | undefined): string {
  return `${document.file.path}:${position?.start.line ?? 1}:${position?.start.column ?? 1}`
}

/** A translated item's id, when it is a well-formed one. */
export function itemIdOf(entry: ChecklistEntry): string | undefined {
  const id = entry.attributes?.id
  return id !== undefined && ID_PATTERN.test(id) ? id : undefined
}

/** What the release history says a translation may still lag behind. */
export interface ReleasedShapes {
  /** Every step id ever released, with each number it had and the last release that had it. */
  readonly steps: ReadonlyMap<string, {readonly numbers: ReadonlySet<number>; readonly last: string}>
  /** Every item id ever released, with each step and rounds it had and the last release that had it. */
  readonly items: ReadonlyMap<string, {readonly stepIds: ReadonlySet<string>; readonly rounds: ReadonlySet<string>; readonly last: string}>
  /** Every rounds the guide ever covered. */
  readonly rounds: ReadonlySet<string>
}

/**
 * Index a release history by id, so a translation that still says what an
 * earlier release of the source said (an item since removed, renamed, moved
 * or given other rounds) is told apart from one that says what the source
 * never did: the first lags behind the source (a warning), the second breaks
 * parity (an error).
 *
 * @param manifest The release history, if any.
 * @returns Each id's released shapes.
 */
export function releasedShapes(manifest: Manifest | undefined): ReleasedShapes {
  const steps = new Map<string, {numbers: Set<number>; last: string}>()
  const items = new Map<string, {stepIds: Set<string>; rounds: Set<string>; last: string}>()
  const rounds = new Set<string>()
  for (const release of manifest?.releases ?? []) {
    rounds.add(release.rounds)
    for (const [id, step] of Object.entries(release.steps)) {
      const entry = steps.get(id) ?? {numbers: new Set<number>(), last: release.version}
      entry.numbers.add(step.number)
      entry.last = release.version
      steps.set(id, entry)
    }
    for (const [id, item] of Object.entries(release.items)) {
      const entry = items.get(id) ?? {stepIds: new Set<string>(), rounds: new Set<string>(), last: release.version}
      entry.stepIds.add(item.stepId)
      entry.rounds.add(item.rounds)
      entry.last = release.version
      items.set(id, entry)
    }
  }
  return {steps, items, rounds}
}
