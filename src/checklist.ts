import {assertIntegerInRange} from './arguments.js'
import {memoiseByRound} from './round-memo.js'
import {type Spelling, renderTemplate, spellerFor} from './template.js'
import type {ChecklistItem, Guide, Round} from './types.js'

// Each guide's `checklistForRound`, made on first use: one memo per locale.
const checklists = new WeakMap<Guide, (r: Round) => readonly ChecklistItem[]>()

/**
 * Whether an id is one of a guide's checklist items.
 *
 * @param guide The locale's guide.
 * @param id Any string.
 * @returns `true` when some step's checklist has an item with this id.
 */
export function hasItemId(guide: Guide, id: string): boolean {
  return guide.steps.some((step) => step.checklist.some((item) => item.id === id))
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
