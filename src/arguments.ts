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
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return
  const expected =
    max === Number.POSITIVE_INFINITY ? `an integer from ${min} upwards, at most ${Number.MAX_SAFE_INTEGER}` : `an integer from ${min} to ${max}`
  if (typeof value !== 'number') {
    throw new GuideTypeError(
      'ERR_INVALID_ARG_TYPE',
      `${call}: expected "${name}" to be ${expected} (type number), received ${describeReceived(value)}`,
    )
  }
  throw new GuideRangeError(rangeCode, `${call}: expected "${name}" to be ${expected}, received ${describeReceived(value)}`)
}

/**
 * Run `read` over what a caller passed: a value that throws when read (a
 * hostile proxy, a getter) is refused like any other bad argument. `read`
 * only copies; the checks come after it, so it throws nothing of ours.
 *
 * @param call The call, e.g. `'resolveLocale(requested)'`, for the message.
 * @param name The parameter's name.
 * @param expected What the parameter should be.
 * @param read Reads the argument into plain data.
 * @returns What `read` returned.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `read` throws.
 */
export function readArgument<T>(call: string, name: string, expected: string, read: () => T): T {
  try {
    return read()
  } catch {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${call}: expected "${name}" to be ${expected}, received a value that throws when read`)
  }
}

/**
 * Copy an array by index, each element read once (never through its
 * iterator, which may disagree), up to the first that is not a string.
 *
 * @param list The caller's array.
 * @returns Its strings, then the first non-string (a hole reads as `undefined`), if any.
 */
export function stringsOf(list: readonly unknown[]): unknown[] {
  const copy: unknown[] = []
  for (let index = 0, length = list.length; index < length; index++) {
    const value = list[index]
    copy.push(value)
    if (typeof value !== 'string') break
  }
  return copy
}
