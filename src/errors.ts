/** Stable codes of the errors this package throws. Messages may change; codes do not. */
export type GuideErrorCode =
  | 'ERR_INVALID_ARG_TYPE'
  | 'ERR_STEP_OUT_OF_RANGE'
  | 'ERR_UNKNOWN_STEP_ID'
  | 'ERR_ROUND_OUT_OF_RANGE'
  | 'ERR_INVALID_GUIDE'
  | 'ERR_UNKNOWN_VERSION'
  | 'ERR_INVALID_PROGRESS_VERSION'
  | 'ERR_INVALID_PROGRESS_CHECKED'
  | 'ERR_PROGRESS_FROM_NEWER_VERSION'
  | 'ERR_INVALID_LOCALE_TAG'
  | 'ERR_UNKNOWN_LOCALE'

/**
 * What every error from this package has: a stable `code`. The classes differ
 * by built-in base (`TypeError`, `RangeError`) so `instanceof TypeError` works
 * too. Every entry (`.`, `./render`, each `./locales/<tag>`) shares one copy
 * of the classes per format, ESM and CJS; `instanceof` recognises an error
 * from either copy (see `Symbol.hasInstance` below), and so does
 * {@link isGuideError}.
 */
export interface GuideError extends Error {
  /** Stable identifier of the failure. */
  readonly code: GuideErrorCode
}

// A registered symbol is shared by every copy of this module in a process.
const BRAND = Symbol.for('ace-second-interview.error')

function brand(error: Error, code: GuideErrorCode): void {
  Object.defineProperty(error, BRAND, {value: true})
  Object.defineProperty(error, 'code', {value: code, enumerable: true})
}

const ordinaryInstanceOf = Function.prototype[Symbol.hasInstance]

// `instanceof` for one of the two classes below: its own instances, and a
// branded error on the same built-in base from any other copy of them. A
// subclass (`GuideValidationError`) answers for its own instances only.
// Defined from a static block, not as a static method: the declaration
// emitter (ts.transpileDeclaration) writes a computed static symbol member
// twice, which consumers' tsc rejects.
function recogniseCopies(own: object, base: ErrorConstructor): void {
  Object.defineProperty(own, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      return ordinaryInstanceOf.call(this, value) || (this === own && isGuideError(value) && value instanceof base)
    },
  })
}

/**
 * Name an error class as the built-in ones are: on the class and on its
 * prototype, from one string. The build minifies identifiers (`class m`), and
 * `console.log(error)` prints the class's own name.
 *
 * @param own The class.
 * @param name Its name in the source.
 */
export function keepName(own: {readonly prototype: Error}, name: string): void {
  Object.defineProperty(own, 'name', {value: name})
  Object.defineProperty(own.prototype, 'name', {value: name, writable: true, configurable: true})
}

/** Thrown when an argument has the wrong type (e.g. `getStep('3')`). */
export class GuideTypeError extends TypeError implements GuideError {
  declare readonly code: GuideErrorCode

  /**
   * @param code Stable error code.
   * @param message What was called, expected and received.
   */
  constructor(code: GuideErrorCode, message: string) {
    super(message)
    brand(this, code)
  }

  // Recognise a `GuideTypeError` from any copy of the classes (see `recogniseCopies`).
  static {
    recogniseCopies(this, TypeError)
    keepName(this, 'GuideTypeError')
  }
}

/** Thrown when an argument has the right type but no such value exists (e.g. `getStep(7)`). */
export class GuideRangeError extends RangeError implements GuideError {
  declare readonly code: GuideErrorCode

  /**
   * @param code Stable error code.
   * @param message What was called, expected and received.
   */
  constructor(code: GuideErrorCode, message: string) {
    super(message)
    brand(this, code)
  }

  // Recognise a `GuideRangeError` from any copy of the classes (see `recogniseCopies`).
  static {
    recogniseCopies(this, RangeError)
    keepName(this, 'GuideRangeError')
  }
}

/**
 * Tell whether a value is an error thrown by this package, from either build.
 *
 * @param value Anything, typically a caught error.
 * @returns `true` when `value` carries this package's brand and a string `code`; then `value.code` is set.
 * @example
 *   try { getStep(9 as StepNumber) } catch (error) {
 *     if (isGuideError(error) && error.code === 'ERR_STEP_OUT_OF_RANGE') { … }
 *   }
 */
export function isGuideError(value: unknown): value is GuideError {
  if (typeof value !== 'object' || value === null) return false
  try {
    // The brand alone could be copied onto anything: a string `code` is part
    // of the contract, so it must be there too.
    return (value as Record<symbol, unknown>)[BRAND] === true && typeof (value as {code?: unknown}).code === 'string'
  } catch {
    // A hostile proxy is not one of ours.
    return false
  }
}
