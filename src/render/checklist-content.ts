import {checklistForRound, guide} from '../locale-api.js'
import {deepFreeze} from '../freeze.js'
import {memoiseByRound} from '../round-memo.js'
import {spellerFor} from '../speller.js'
import {renderTemplate} from '../template.js'
import type {Round} from '../types.js'
import {RENDER} from './content.js'
import {asCall} from './core.js'
import {mapText} from './tree.js'
import type {ChecklistItemContent} from './types.js'

function compute(round: number): readonly ChecklistItemContent[] {
  // The core checklist decides which items apply and their text, so the two
  // APIs cannot disagree on order, ids or wording.
  return deepFreeze(
    checklistForRound(round).map((item) => {
      const spell = spellerFor(item.locale, guide.locale)
      const built = RENDER.items[item.id]
      // Both modules are generated from one lint result; a gap is a build bug.
      if (built === undefined) throw new Error(`checklistContentForRound: no render data for item "${item.id}"; rebuild with \`npm run build\``)
      return {
        id: item.id,
        stepId: item.stepId,
        stepNumber: item.stepNumber,
        text: item.text,
        hast: mapText(built.hast, (value) => renderTemplate(value, round, spell)),
        // Odd parts are placeholder names, spelt for the round: ordinals are
        // letters, digits, '.', 'ª' and 'º' only, so nothing here needs escaping.
        html: built.html.map((part, index) => (index % 2 === 1 ? renderTemplate(`{${part}}`, round, spell) : part)).join(''),
      }
    }),
  )
}

// checklistForRound checks the round (and memoises its own list); its error names this call.
const forRound = memoiseByRound((r) => asCall('checklistContentForRound(r)', 'checklistForRound(r)', () => checklistForRound(r as Round)), compute)

/**
 * Get the checklist for one interview round as inline rich content: the same
 * items, order, ids and text as `checklistForRound(r)`, each with a sanitised
 * hast tree and its sanitised `html`, placeholders filled for that round. Memoised like
 * `checklistForRound`: the same frozen array while the round is among the 64
 * computed most recently.
 *
 * @param r The round, an integer from `guide.rounds.from` (2) upwards; no upper bound.
 * @returns The items, deeply frozen.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `r` is not a number.
 * @throws {GuideRangeError} `ERR_ROUND_OUT_OF_RANGE` when `r` is not a safe integer ≥ the first round.
 * @example
 *   checklistContentForRound(3).map((item) => toJsxRuntime(item.hast, {Fragment, jsx, jsxs}))
 */
export function checklistContentForRound(r: Round): readonly ChecklistItemContent[] {
  return forRound(r)
}
