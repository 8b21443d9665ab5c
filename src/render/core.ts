import {GuideRangeError, GuideTypeError, isGuideError} from '../errors.js'

/**
 * Run a core call on a render call's behalf: the core checks the argument,
 * and an argument error it throws is thrown again naming the render call
 * (`getStepContent(n): expected "n" …`), with the same code and class. Any
 * other error passes through untouched.
 *
 * @param call The render call and parameter, e.g. `'getStepContent(n)'`.
 * @param core The core call it delegates to, e.g. `'getStep(n)'`.
 * @param run Makes the core call.
 * @returns What `run` returns.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` from the core, renamed.
 * @throws {GuideRangeError} The core's range error (`ERR_STEP_OUT_OF_RANGE`, `ERR_ROUND_OUT_OF_RANGE`), renamed.
 * @example
 *   asCall('getStepContent(n)', 'getStep(n)', () => getStep(n))
 */
export function asCall<T>(call: string, core: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!isGuideError(error) || !error.message.startsWith(`${core}:`)) throw error
    const message = call + error.message.slice(core.length)
    throw error instanceof RangeError ? new GuideRangeError(error.code, message) : new GuideTypeError(error.code, message)
  }
}
