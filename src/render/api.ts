// The render forms of one locale, as shared code: `createRenderApi` binds
// them to a locale's render data and its core API. Each locale's
// `render` entry (src/generated/locales/<tag>/render.ts, written by the
// build) calls it once and exports the members one by one.
import {assertIntegerInRange} from '../arguments.js'
import {deepFreeze} from '../freeze.js'
import type {LocaleApi} from '../locale-api.js'
import {memoiseByRound} from '../round-memo.js'
import {type Spelling, renderTemplate, spellerFor} from '../template.js'
import type {Round, StepNumber} from '../types.js'
import {mapText, textOf} from './tree.js'
import type {ChecklistItemContent, RenderedContent, ShippedRenderData} from './types.js'

/** What `ace-second-interview/render` and each `ace-second-interview/locales/<tag>/render` export, and what `loadLocaleContent` resolves to. */
export interface RenderModule {
  /**
   * Get a step's body in every form: mdast, sanitised hast, sanitised HTML and
   * plain text.
   *
   * @param n The step's number, an integer from 1 to the number of steps.
   * @returns The body, deeply frozen; the same object on every call.
   * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `n` is not a number (`'3'`, `3n`, `null`).
   * @throws {GuideRangeError} `ERR_STEP_OUT_OF_RANGE` when `n` is not an integer in range (`7`, `2.5`, `NaN`).
   * @example
   *   element.innerHTML = getStepContent(2).html
   */
  getStepContent(n: StepNumber): RenderedContent

  /**
   * Get the introduction in every form: mdast, sanitised hast, sanitised HTML
   * and plain text.
   *
   * @returns The introduction, deeply frozen; the same object on every call.
   * @example
   *   getIntroContent().text.startsWith("You've been asked back") // true
   */
  getIntroContent(): RenderedContent

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
  checklistContentForRound(r: Round): readonly ChecklistItemContent[]
}

/**
 * Bind the render forms to one locale: its render data, frozen now, and the
 * calls of its core API they share the checklist with. Arguments are checked
 * as the core calls check theirs, by the same function, naming the render call.
 *
 * @param core The locale's `getStep`, `checklistForRound` and `guide`.
 * @param data The locale's generated render data (`src/generated/locales/<tag>/render-data.ts`).
 * @param spelling Its ordinals, and the source's for items that fell back to it.
 * @returns The render API; errors name its own calls.
 * @example
 *   const api = createRenderApi({getStep, checklistForRound, guide}, RENDER_DATA, {ordinal, sourceOrdinal})
 */
export function createRenderApi(core: Pick<LocaleApi, 'getStep' | 'checklistForRound' | 'guide'>, data: ShippedRenderData, spelling: Spelling): RenderModule {
  const render = deepFreeze(data)
  // The plain text is not shipped: it is the text content of the tree.
  // Frozen, so the read-only types describe the objects exactly.
  const withText = (content: ShippedRenderData['introduction']): RenderedContent => deepFreeze({...content, text: textOf(content.hast)}) as RenderedContent
  const introduction = withText(render.introduction)
  const steps = render.steps.map(withText)
  const {rounds} = core.guide
  const forRound = memoiseByRound(
    (r) => assertIntegerInRange(r, 'checklistContentForRound(r)', 'r', rounds.from, rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE'),
    (round): readonly ChecklistItemContent[] =>
      // The core checklist decides which items apply and their text, so the two
      // APIs cannot disagree on order, ids or wording.
      deepFreeze(
        core.checklistForRound(round).map((item) => {
          const spell = spellerFor(spelling, item.locale, core.guide.locale)
          const built = render.items[item.id]
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
      ),
  )
  return {
    getStepContent: (n) => {
      assertIntegerInRange(n, 'getStepContent(n)', 'n', 1, steps.length, 'ERR_STEP_OUT_OF_RANGE')
      return steps[n - 1]!
    },
    getIntroContent: () => introduction,
    checklistContentForRound: (r) => forRound(r),
  }
}
