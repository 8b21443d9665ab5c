import {expandGuide} from './expand.js'
import {GUIDE_DATA} from './generated/guide-data.js'
import type {Guide, Step, StepId} from './types.js'

/**
 * The whole guide: title, content `version`, `schemaVersion`, covered `rounds`,
 * `introduction` and `steps`. Deeply frozen.
 *
 * @example
 *   import {guide} from 'ace-second-interview'
 *   guide.steps.length // 6
 */
export const guide: Guide = expandGuide(GUIDE_DATA)

// Built on first use, so a bundle that never looks a step up by id drops it
// (nothing runs at load time for it).
let stepsById: Map<string, Step> | undefined

/** First step number, for range checks. */
export const FIRST_STEP = 1

/** Last step number, for range checks. */
export const LAST_STEP: number = guide.steps.length

/** Look a step up by its 1-based number (already validated). */
export function stepAt(number: number): Step {
  // Validated callers only: the number is an integer in [1, LAST_STEP].
  return guide.steps[number - 1] as Step
}

/** Look a step up by id; `undefined` when there is none. */
export function stepWithId(id: string): Step | undefined {
  return (stepsById ??= new Map(guide.steps.map((step) => [step.id, step]))).get(id)
}

/**
 * Every step id, for messages (made when a message needs it).
 *
 * @returns The ids in step order.
 */
export function stepIds(): readonly StepId[] {
  return guide.steps.map((step) => step.id)
}
