// How far each locale's translation has got: per locale, how many steps and
// items are current, outdated or missing. What `ace-second-interview locales`
// prints and `translationStatus` (ace-second-interview/check) returns.
import type {LintResult} from './lint.js'
import {indexSource, itemIdOf} from '../parse/parity.js'
import {stepIdOf} from '../parse/document.js'
import {recordedUnit} from '../read/translation-record.js'

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
  /** The title and introduction: `source`, `current` or `outdated`. */
  readonly introduction: 'source' | 'current' | 'outdated'
  /** The steps' words (title, summary, body). */
  readonly steps: StatusCounts
  /** The checklist items. */
  readonly items: StatusCounts
}

/**
 * Count, per locale, the steps and items that are current, outdated or missing.
 *
 * @param lint A lint result whose source passed (else there is nothing to count against).
 * @returns The source first, then each translation in tag order; empty when the source failed.
 */
export function localeStatuses(lint: LintResult): LocaleStatus[] {
  const source = lint.sourceView
  if (source === undefined) return []
  const index = indexSource(source)
  const all = (total: number): StatusCounts => ({total, current: total, outdated: 0, missing: 0})
  const statuses: LocaleStatus[] = [{locale: lint.locale.tag, source: true, introduction: 'source', steps: all(index.steps.size), items: all(index.items.size)}]
  for (const locale of lint.locales) {
    const steps = {total: index.steps.size, current: 0, outdated: 0, missing: 0}
    const items = {total: index.items.size, current: 0, outdated: 0, missing: 0}
    const translatedSteps = new Set<string>()
    const translatedItems = new Set<string>()
    for (const document of locale.steps) {
      const id = stepIdOf(document)
      const step = id === undefined ? undefined : index.steps.get(id)
      if (id === undefined || step === undefined || translatedSteps.has(id)) continue
      translatedSteps.add(id)
      if (recordedUnit(locale.record, {target: 'step', id})?.hash === step.hash) steps.current++
      else steps.outdated++
      for (const entry of document.items) {
        const itemId = itemIdOf(entry)
        const item = itemId === undefined ? undefined : index.items.get(itemId)
        if (itemId === undefined || item === undefined || item.stepId !== id || translatedItems.has(itemId)) continue
        translatedItems.add(itemId)
        if (recordedUnit(locale.record, {target: 'item', id: itemId})?.hash === item.hash) items.current++
        else items.outdated++
      }
    }
    steps.missing = steps.total - translatedSteps.size
    items.missing = items.total - translatedItems.size
    const introduction = recordedUnit(locale.record, {target: 'introduction', id: 'introduction'})?.hash === index.introduction ? 'current' : 'outdated'
    statuses.push({locale: locale.locale.tag, source: false, introduction, steps, items})
  }
  return statuses
}
