import {assertIntegerInRange} from './arguments.js'
import {memoiseByRound} from './round-memo.js'
import {type Spelling, renderTemplate, spellerFor} from './template.js'
import type {ChecklistItem, Guide, Round} from './types.js'

// Each guide's `checklistForRound` and item ids, made on first use.
const checklists = new WeakMap<Guide, (r: Round) => readonly ChecklistItem[]>()
const itemIds = new WeakMap<Guide, ReadonlySet<string>>()

/**
 * The ids of one guide's checklist items.
 *
 * @param guide The locale's guide.
 * @returns The ids; the same set for the same guide.
 */
export function itemIdsOf(guide: Guide): ReadonlySet<string> {
  let ids = itemIds.get(guide)
  if (ids === undefined) itemIds.set(guide, (ids = new Set(guide.steps.flatMap((step) => step.checklist.map((item) => item.id)))))
  return ids
}

/**
 * `checklistForRound(r)` of one guide (src/locale-api.ts documents it):
 * every item that applies to a round, in step order, its text rendered for
 * that round, frozen and memoised.
 *
 * @param guide The locale's guide.
 * @param spelling The locale's ordinals.
 * @returns The memoised, validating function; the same for the same guide.
 * @example
 *   checklistOf(guide, spelling)(3).map((item) => item.text)
 */
export function checklistOf(guide: Guide, spelling: Spelling): (r: Round) => readonly ChecklistItem[] {
  let checklist = checklists.get(guide)
  if (checklist !== undefined) return checklist
  checklist = memoiseByRound(
    (r) => assertIntegerInRange(r, 'checklistForRound(r)', 'r', guide.rounds.from, guide.rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE'),
    (round) => {
      const items: ChecklistItem[] = []
      for (const step of guide.steps) {
        for (const item of step.checklist) {
          const {from, to} = item.rounds
          if (round < from || (to !== null && round > to)) continue
          items.push(Object.freeze({...item, text: renderTemplate(item.template, round, spellerFor(spelling, item.locale, guide.locale))}))
        }
      }
      return Object.freeze(items)
    },
  )
  checklists.set(guide, checklist)
  return checklist
}
