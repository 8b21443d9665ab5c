// How far each locale's translation has got: per locale, how many steps and
// items are current, outdated or missing, and which. What `ace-second-interview locales`
// prints and `translationStatus` (ace-second-interview/check) returns.
import type {LintResult} from './lint.js'
import {indexSource, translatedUnits} from '../parse/parity.js'
import {type UnitKey, recordedUnit} from '../read/translation-record.js'

/** Counts of one kind of unit (steps or items) in one locale. */
export interface StatusCounts {
  /** How many the source has. */
  readonly total: number
  /** Translated, and marked current against the source as it is now (in the source: all of them). */
  readonly current: number
  /** Translated, but the source changed since (or it was never marked current). */
  readonly outdated: number
  /** Not translated: shipped in the source's words. */
  readonly missing: number
}

/** The state of one locale. */
export interface LocaleStatus {
  /** The locale's BCP 47 tag. */
  readonly locale: string
  /** Whether it is the source (every unit is its own). */
  readonly source: boolean
  /** The title and introduction: `source`, `current`, `outdated`, or `missing` (still in the source's words). */
  readonly introduction: 'source' | 'current' | 'outdated' | 'missing'
  /** The steps' words (title, summary, body). */
  readonly steps: StatusCounts
  /** The checklist items. */
  readonly items: StatusCounts
  /**
   * The outdated units, as `npm run content:translated` names them
   * (`introduction`, step and item ids), in the source's order.
   */
  readonly outdatedIds: readonly string[]
  /** The missing units (not translated, or still a copy of the source's words), named and ordered alike. */
  readonly missingIds: readonly string[]
}

/**
 * Count, per locale, the steps and items that are current, outdated or
 * missing, and name the units to translate.
 *
 * @param lint A lint result whose source passed (else there is nothing to count against).
 * @returns The source first, then each translation in tag order; empty when the source failed.
 */
export function localeStatuses(lint: LintResult): LocaleStatus[] {
  const source = lint.sourceView
  if (source === undefined) return []
  const index = indexSource(source)
  const all = (total: number): StatusCounts => ({total, current: total, outdated: 0, missing: 0})
  const statuses: LocaleStatus[] = [{locale: lint.locale.tag, source: true, introduction: 'source', steps: all(index.steps.size), items: all(index.items.size), outdatedIds: [], missingIds: []}]
  for (const locale of lint.locales) {
    // A copy of the source's words is not translated yet.
    const translated = new Set(translatedUnits(source, locale).map((unit) => `${unit.target}:${unit.id}`))
    const outdatedIds: string[] = []
    const missingIds: string[] = []
    const judge = (unit: UnitKey, hash: string, isTranslated: boolean, counts?: {current: number; outdated: number; missing: number}): LocaleStatus['introduction'] => {
      const state = !isTranslated ? 'missing' : recordedUnit(locale.record, unit)?.hash === hash ? 'current' : 'outdated'
      if (state !== 'current') (state === 'missing' ? missingIds : outdatedIds).push(unit.id)
      if (counts !== undefined) counts[state]++
      return state
    }
    const introduction = judge({target: 'introduction', id: 'introduction'}, index.introduction, translated.has('introduction:introduction'))
    const steps = {total: index.steps.size, current: 0, outdated: 0, missing: 0}
    const items = {total: index.items.size, current: 0, outdated: 0, missing: 0}
    for (const step of index.steps.values()) {
      judge({target: 'step', id: step.id}, step.hash, translated.has(`step:${step.id}`), steps)
      for (const id of step.items) judge({target: 'item', id}, index.items.get(id)?.hash ?? '', translated.has(`item:${id}`), items)
    }
    statuses.push({locale: locale.locale.tag, source: false, introduction, steps, items, outdatedIds, missingIds})
  }
  return statuses
}
