import {type Spelling, renderTemplate, spellerFor} from './template.js'
import type {
  ChecklistItem,
  ChecklistItemId,
  Guide,
  Locale,
  RoundRange,
  Step,
  StepId,
  StepNumber,
  TranslationStatus,
} from './types.js'

// The generated data ships each fact once (pipeline/compile/emit.ts writes it); the
// public objects repeat many of them (an item's step id and number, its text
// rendered for the first round beside its template, the same `since` and
// `locale` on nearly everything). Deriving those here at load keeps the
// bundle near the size of the markdown.

/** The fields a step or item writes only where they differ from the default. */
interface Exceptions {
  /** Absent: `defaults.since`. */
  readonly since?: string
  /** Absent: the guide's locale. */
  readonly locale?: Locale
  /** Absent: `defaults.translation`. */
  readonly translation?: TranslationStatus
}

/** What an item writes only where it differs from what is derived. */
export interface ItemExceptions extends Exceptions {
  /** Absent: the template rendered for the item's first round. */
  readonly text?: string
  /** Absent: the guide's rounds. */
  readonly rounds?: RoundRange
}

/**
 * A checklist item as shipped: positional (no key names to download), then
 * the fields that differ from what is derived, if any.
 */
export type CompactItem = readonly [id: ChecklistItemId, template: string, hash: string, exceptions?: ItemExceptions]

/** A step as shipped, positional: its number is its position. */
export type CompactStep = readonly [
  id: StepId,
  title: string,
  summary: string,
  body: readonly string[],
  hash: string,
  checklist: readonly CompactItem[],
  exceptions?: Exceptions,
]

/** The guide as shipped (src/generated/locales/<tag>/guide-data.ts): the public guide, its steps compact. */
export interface CompactGuide extends Omit<Guide, 'steps'> {
  /** What a step or item that writes no `since` or `translation` has. */
  readonly defaults: {readonly since: string; readonly translation: TranslationStatus}
  readonly steps: readonly CompactStep[]
}

const {freeze} = Object

/**
 * Rebuild the public guide from its compact form, frozen as it is built
 * (every object is new, so nothing needs a second walk to freeze).
 *
 * @param data The generated data.
 * @param spelling The locale's ordinals, for the items' first-round text.
 * @returns The guide, deeply frozen, exactly as the build compiled it.
 * @example
 *   expandGuide(GUIDE_DATA, {ordinal, sourceOrdinal: ordinal}).steps[0]!.checklist[0]!.stepNumber // 1
 */
export function expandGuide(data: CompactGuide, spelling: Spelling): Guide {
  const {defaults, locale: guideLocale} = data
  const rounds = freeze({...data.rounds})
  const none: ItemExceptions = {}
  const steps = data.steps.map(([id, title, summary, body, hash, items, step = none], index): Step => {
    const number = (index + 1) as StepNumber
    const checklist = items.map(([itemId, template, itemHash, item = none]): ChecklistItem => {
      const itemRounds = item.rounds === undefined ? rounds : freeze({...item.rounds})
      const locale = item.locale ?? guideLocale
      const text = item.text ?? renderTemplate(template, Math.max(rounds.from, itemRounds.from), spellerFor(spelling, locale, guideLocale))
      return freeze({
        id: itemId,
        stepId: id,
        stepNumber: number,
        text,
        template,
        rounds: itemRounds,
        hash: itemHash,
        since: item.since ?? defaults.since,
        locale,
        translation: item.translation ?? defaults.translation,
      })
    })
    return freeze({
      id,
      number,
      title,
      summary,
      body: freeze([...body]),
      checklist: freeze(checklist),
      hash,
      since: step.since ?? defaults.since,
      locale: step.locale ?? guideLocale,
      translation: step.translation ?? defaults.translation,
    })
  })
  const {introduction} = data
  return freeze({
    title: data.title,
    locale: guideLocale,
    version: data.version,
    schemaVersion: data.schemaVersion,
    rounds,
    introduction: freeze({body: freeze([...introduction.body]), locale: introduction.locale, translation: introduction.translation}),
    labels: freeze({...data.labels}),
    steps: freeze(steps),
  })
}
