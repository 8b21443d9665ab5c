import {assertIntegerInRange} from './arguments.js'
import {guide} from './guide.js'
import {memoiseByRound} from './round-memo.js'
import {spellerFor} from './speller.js'
import {renderTemplate} from './template.js'
import type {ChecklistItem, Round} from './types.js'

// Every item that applies to a validated round, rendered for it, frozen.
function computeChecklist(round: number): readonly ChecklistItem[] {
  const items: ChecklistItem[] = []
  for (const step of guide.steps) {
    for (const item of step.checklist) {
      const {from, to} = item.rounds
      if (round < from || (to !== null && round > to)) continue
      items.push(Object.freeze({...item, text: renderTemplate(item.template, round, spellerFor(item.locale, guide.locale))}))
    }
  }
  return Object.freeze(items)
}

const forRound = memoiseByRound(
  (r) => assertIntegerInRange(r, 'checklistForRound(r)', 'r', guide.rounds.from, guide.rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE'),
  computeChecklist,
)

/**
 * Get the checklist for one interview round: every item that applies to it, in
 * step order, its text rendered for that round (`{next}` in round 3 reads
 * "fourth"). Memoised: the same frozen array for the same round while it is
 * among the 64 rounds computed most recently (an older one is computed again).
 *
 * @param r The round, an integer from `guide.rounds.from` (2) upwards; no upper bound.
 * @returns The items, deeply frozen.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `r` is not a number.
 * @throws {GuideRangeError} `ERR_ROUND_OUT_OF_RANGE` when `r` is not a safe integer ≥ the first round.
 * @example
 *   checklistForRound(3).map((item) => item.text)
 */
export function checklistForRound(r: Round): readonly ChecklistItem[] {
  return forRound(r)
}
