import {assertIntegerInRange} from './arguments.js'
import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import {FIRST_STEP, LAST_STEP, guide, stepAt, stepIds, stepWithId} from './guide.js'
import type {Step, StepId, StepNumber} from './types.js'

/**
 * Get one step by its number.
 *
 * @param n The step's number, an integer from 1 to the number of steps.
 * @returns The step, deeply frozen; the same object on every call.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `n` is not a number (`'3'`, `3n`, `null`).
 * @throws {GuideRangeError} `ERR_STEP_OUT_OF_RANGE` when `n` is not an integer in range (`7`, `2.5`, `NaN`).
 * @example
 *   getStep(2).title // 'Make a plan'
 */
export function getStep(n: StepNumber): Step {
  assertIntegerInRange(n, 'getStep(n)', 'n', FIRST_STEP, LAST_STEP, 'ERR_STEP_OUT_OF_RANGE')
  return stepAt(n)
}

/**
 * Get one step by its stable id.
 *
 * @param id The step's id, e.g. `'make-a-plan'`.
 * @returns The step, deeply frozen; the same object on every call.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `id` is not a string.
 * @throws {GuideRangeError} `ERR_UNKNOWN_STEP_ID` when no step has that id.
 * @example
 *   getStepById('make-a-plan').number // 2
 */
export function getStepById(id: StepId): Step {
  if (typeof id !== 'string') {
    throw new GuideTypeError(
      'ERR_INVALID_ARG_TYPE',
      `getStepById(id): expected "id" to be a step id (type string), received ${describeReceived(id)}`,
    )
  }
  const step = stepWithId(id)
  if (step === undefined) {
    throw new GuideRangeError(
      'ERR_UNKNOWN_STEP_ID',
      `getStepById(id): expected "id" to be one of ${stepIds().map((known) => `'${known}'`).join(', ')}, received ${describeReceived(id)}`,
    )
  }
  return step
}

/**
 * List every step in order.
 *
 * @returns The guide's steps array itself (deeply frozen, shared, not a copy).
 * @example
 *   listSteps().map((step) => step.title)
 */
export function listSteps(): readonly Step[] {
  return guide.steps
}
