// The source's steps and items by id, for the rules and the compiler that
// line a translation up with the source.
import type {Position} from 'unist'
import type {ChecklistEntry, ContentDocument} from './document.js'
import type {SourceView} from './rule.js'
import {ID_PATTERN, stepIdOf, stepNumberOf} from './rules/shared.js'
import {introductionHash, itemHash, itemRoundsOf, itemTemplate, stepWordsHash} from './units.js'

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
      const rounds = itemRoundsOf(entry, source.coveredRounds.from)
      const template = itemTemplate(entry)
      ids.push(itemId)
      items.set(itemId, {id: itemId, stepId: id, document, entry, template, rounds: entry.attributes?.pairs.get('rounds') ?? '', hash: itemHash(id, template, rounds)})
    }
    steps.set(id, {id, number: stepNumberOf(document) as number, document, hash: stepWordsHash(document), items: ids})
  }
  const index = {introduction: introductionHash(source.guide), steps, items}
  indexes.set(source, index)
  return index
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
