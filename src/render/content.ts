import {deepFreeze} from '../freeze.js'
import {RENDER_DATA} from '../generated/render-data.js'
import {getStep} from '../locale-api.js'
import type {StepNumber} from '../types.js'
import {asCall} from './core.js'
import type {RenderedContent} from './types.js'

/** The generated render data, frozen once: the same objects on every call. */
export const RENDER: typeof RENDER_DATA = deepFreeze(RENDER_DATA)

// Frozen above, so the read-only types describe the objects exactly.
const STEPS = RENDER.steps as readonly RenderedContent[]
const INTRODUCTION = RENDER.introduction as RenderedContent

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
export function getStepContent(n: StepNumber): RenderedContent {
  // getStep checks `n` exactly as getStep does; its error names this call.
  asCall('getStepContent(n)', 'getStep(n)', () => getStep(n))
  return STEPS[n - 1] as RenderedContent
}

/**
 * Get the introduction in every form: mdast, sanitised hast, sanitised HTML
 * and plain text.
 *
 * @returns The introduction, deeply frozen; the same object on every call.
 * @example
 *   getIntroContent().text.startsWith("You've been asked back") // true
 */
export function getIntroContent(): RenderedContent {
  return INTRODUCTION
}
