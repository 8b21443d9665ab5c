import {deepFreeze} from './freeze.js'
import {GUIDE_DATA} from './generated/guide-data.js'
import type {Guide, Step, StepId} from './types.js'

// Lookup tables are built from the data before it is frozen: reads from frozen
// arrays are markedly slower on Node 20, and these tables never leave the module.
const stepsByNumber: Step[] = [...GUIDE_DATA.steps]
const stepsById = new Map<string, Step>(GUIDE_DATA.steps.map((step) => [step.id, step]))

/**
 * The whole guide: title, content `version`, `schemaVersion`, covered `rounds`,
 * `introduction` and `steps`. Deeply frozen.
 *
 * @example
 *   import {guide} from 'ace-second-interview'
 *   guide.steps.length // 6
 */
export const guide: Guide = deepFreeze(GUIDE_DATA)

/** First step number, for range checks. */
export const FIRST_STEP = 1

/** Last step number, for range checks. */
export const LAST_STEP = stepsByNumber.length

/** Look a step up by its 1-based number (already validated). */
export function stepAt(number: number): Step {
  // Validated callers only: the number is an integer in [1, LAST_STEP].
  return stepsByNumber[number - 1] as Step
}

/** Look a step up by id; `undefined` when there is none. */
export function stepWithId(id: string): Step | undefined {
  return stepsById.get(id)
}

/** Every step id, for messages. */
export const STEP_IDS: readonly StepId[] = Object.freeze(GUIDE_DATA.steps.map((step) => step.id))
