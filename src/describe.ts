const MAX_SHOWN = 28

// Characters that would reach a terminal or a page unescaped through
// JSON.stringify: C1 controls, bidi marks and overrides, zero-width
// characters, line separators. JSON.stringify escapes C0 and lone surrogates.
const INVISIBLE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

/**
 * Spell as `\uXXXX` every character JSON.stringify leaves raw that a terminal
 * or a page acts on. Applied to JSON text, the result parses to the same value.
 *
 * @param json Text from JSON.stringify.
 * @returns The same JSON with C1, bidi, zero-width and separator characters escaped.
 * @example
 *   escapeJson(JSON.stringify('a\u202eb')) // '"a\\u202eb"'
 */
export function escapeJson(json: string): string {
  return json.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Quote a string for a message: clipped to `max` characters *before* it is
 * escaped (a 90-million-character string costs no more than a short one), then
 * JSON-quoted with every invisible or control character spelt as `\uXXXX`.
 *
 * @param text Any string, of any length.
 * @param max How many characters to keep; longer text ends in `…`.
 * @returns The quoted, clipped, escaped text, e.g. `"abc…"`.
 * @example
 *   quote('a\u202eb') // '"a\\u202eb"'
 */
export function quote(text: string, max: number = MAX_SHOWN): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text
  return escapeJson(JSON.stringify(clipped))
}

/**
 * Describe a received value for an error message, in Node's style:
 * `type string ('3')`, `type bigint (3n)`, `NaN`, `null`, `an instance of Map`.
 *
 * Never throws, even for hostile proxies or objects with throwing getters, and
 * costs the same for any size of input: strings are clipped before they are
 * escaped, and objects are never walked.
 *
 * @param value Whatever the caller passed.
 * @returns A short, human-readable description.
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined'
    case 'number':
      return Number.isNaN(value) ? 'NaN' : `type number (${value})`
    case 'string':
      return `type string (${quote(value)})`
    case 'bigint':
      // Digits and a sign: clipped like a string, nothing to escape.
      return `type bigint (${quote(String(value)).slice(1, -1)}n)`
    case 'boolean':
      return `type boolean (${value})`
    case 'symbol':
      return `type symbol (${quote(value.description ?? '')})`
    case 'function':
      return 'a function'
    default:
      return describeObject(value as object | null)
  }
}

function describeObject(value: object | null): string {
  if (value === null) return 'null'
  try {
    // Array.isArray throws on a revoked proxy, hence inside the try.
    if (Array.isArray(value)) return 'an array'
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto === null) return 'an object with a null prototype'
    const name: unknown = (proto as {constructor?: {name?: unknown}}).constructor?.name
    return typeof name === 'string' && name !== ''
      ? `an instance of ${quote(name).slice(1, -1)}`
      : 'an object'
  } catch {
    return 'an object'
  }
}
