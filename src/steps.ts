import {assertIntegerInRange} from './arguments.js'
import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import type {Guide, Step, StepId, StepNumber} from './types.js'

// The calls on one guide's steps; src/locale-api.ts binds them to a locale's
// guide and documents them (`LocaleApi`).

// Each guide's steps by id, built on first use.
const stepsById = new WeakMap<Guide, Map<string, Step>>()

/** The step of `guide` with this id; `undefined` when there is none. */
export function stepWithId(guide: Guide, id: string): Step | undefined {
  let map = stepsById.get(guide)
  if (map === undefined) stepsById.set(guide, (map = new Map(guide.steps.map((step) => [step.id, step]))))
  return map.get(id)
}

/** `getStep(n)` of `guide`. */
export function getStep(guide: Guide, n: StepNumber): Step {
  assertIntegerInRange(n, 'getStep(n)', 'n', 1, guide.steps.length, 'ERR_STEP_OUT_OF_RANGE')
  return guide.steps[n - 1] as Step
}

/** `getStepById(id)` of `guide`. */
export function getStepById(guide: Guide, id: StepId): Step {
  if (typeof id !== 'string') {
    throw new GuideTypeError(
      'ERR_INVALID_ARG_TYPE',
      `getStepById(id): expected "id" to be a step id (type string), received ${describeReceived(id)}`,
    )
  }
  const step = stepWithId(guide, id)
  if (step === undefined) {
    throw new GuideRangeError(
      'ERR_UNKNOWN_STEP_ID',
      `getStepById(id): expected "id" to be one of ${guide.steps.map((known) => `'${known.id}'`).join(', ')}, received ${describeReceived(id)}`,
    )
  }
  return step
}
