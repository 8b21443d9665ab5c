import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'

/** Codes an out-of-range integer argument is reported with. */
type RangeCode = 'ERR_STEP_OUT_OF_RANGE' | 'ERR_ROUND_OUT_OF_RANGE'

/**
 * Check that `value` is an integer in `[min, max]` (no upper bound when `max` is
 * `Infinity`), never coercing: `'3'`, `3n`, `3.5`, `NaN` and objects all fail.
 *
 * @param value What the caller passed.
 * @param call The call and parameter, e.g. `'getStep(n)'`, for the message.
 * @param name The parameter's name.
 * @param min Smallest allowed value.
 * @param max Largest allowed value, or `Infinity`.
 * @param rangeCode Code of the `RangeError` for an out-of-range integer.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `value` is not a number.
 * @throws {GuideRangeError} `rangeCode` when it is not a safe integer in range.
 */
export function assertIntegerInRange(
  value: unknown,
  call: string,
  name: string,
  min: number,
  max: number,
  rangeCode: RangeCode,
): asserts value is number {
  // Kept tiny so the JIT inlines it into every caller: the hot path only
  // compares, and everything about the message lives in `throwOutOfRange`.
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throwOutOfRange(value, call, name, min, max, rangeCode)
  }
}

function throwOutOfRange(
  value: unknown,
  call: string,
  name: string,
  min: number,
  max: number,
  rangeCode: RangeCode,
): never {
  const expected =
    max === Number.POSITIVE_INFINITY ? `an integer from ${min} upwards` : `an integer from ${min} to ${max}`
  if (typeof value !== 'number') {
    throw new GuideTypeError(
      'ERR_INVALID_ARG_TYPE',
      `${call}: expected "${name}" to be ${expected} (type number), received ${describeReceived(value)}`,
    )
  }
  throw new GuideRangeError(rangeCode, `${call}: expected "${name}" to be ${expected}, received ${describeReceived(value)}`)
}
