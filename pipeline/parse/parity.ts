// The source's steps and items by id, for the rules and the compiler that
// line a translation up with the source.
import type {Position} from 'unist'
import type {ChecklistEntry, ContentDocument} from './document.js'
import type {Manifest} from '../release/manifest.js'
import type {SourceView} from '../lint/rule.js'
import {ID_PATTERN, stepIdOf, stepNumberOf} from './document.js'
import {introductionHash, itemHash, itemTemplate, stepWordsHash} from './units.js'
import {type TranslationRecord, type UnitKey, recordedUnit} from '../read/translation-record.js'

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
    steps.set(id, {id, number: stepNumberOf(document) as number, document, hash: stepWordsHash(document), items: ids})
  }
  const index = {introduction: introductionHash(source.guide), steps, items}
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
 * Find the units a translation holds in the source's very words without
 * having been marked current in them: a step or item copied from the source
 * to be translated. They count as missing (shipped as the source's, not
 * spell-checked in the locale's language); marked current by name
 * (`content:translated -- en-US <id>`), the source's words are the
 * translation's own, as a regional variant's often are.
 *
 * @param source The source, as a translation's rules see it.
 * @param record The translation's record, if any.
 * @param guide The translation's guide.md, if parsed.
 * @param steps The translation's steps.
 * @returns The introduction's verdict and the step and item ids.
 */
export function untranslatedUnits(source: SourceView, record: TranslationRecord | undefined, guide: ContentDocument | undefined, steps: readonly ContentDocument[]): Untranslated {
  const index = indexSource(source)
  const copied = (unit: UnitKey, own: string, hash: string | undefined): boolean => own === hash && recordedUnit(record, unit)?.hash !== hash
  const found = {introduction: guide !== undefined && copied({target: 'introduction', id: 'introduction'}, introductionHash(guide), index.introduction), steps: new Set<string>(), items: new Set<string>()}
  for (const document of steps) {
    const id = stepIdOf(document)
    if (id !== undefined && copied({target: 'step', id}, stepWordsHash(document), index.steps.get(id)?.hash)) found.steps.add(id)
    for (const entry of document.items) {
      const itemId = itemIdOf(entry)
      if (itemId !== undefined && copied({target: 'item', id: itemId}, itemHash(itemTemplate(entry)), index.items.get(itemId)?.hash)) found.items.add(itemId)
    }
  }
  return found
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

const shapes = new WeakMap<Manifest, ReleasedShapes>()

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
  const known = manifest === undefined ? undefined : shapes.get(manifest)
  if (known !== undefined) return known
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
  const index = {steps, items, rounds}
  if (manifest !== undefined) shapes.set(manifest, index)
  return index
}
