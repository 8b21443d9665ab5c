const MAX_SHOWN = 28

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

/**
 * Describe a received value for an error message, in Node's style:
 * `type string ('3')`, `type bigint (3n)`, `NaN`, `null`, `an instance of Map`.
 *
 * Never throws, even for hostile proxies or objects with throwing getters.
 *
 * @param value Whatever the caller passed.
 * @returns A short, human-readable description.
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined'
    case 'number':
      return Number.isNaN(value) ? 'NaN' : `type number (${String(value)})`
    case 'string':
      return `type string (${clip(JSON.stringify(value))})`
    case 'bigint':
      return `type bigint (${clip(String(value))}n)`
    case 'boolean':
      return `type boolean (${String(value)})`
    case 'symbol':
      return `type symbol (${clip(value.description ?? '')})`
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
      ? `an instance of ${clip(name)}`
      : 'an object'
  } catch {
    return 'an object'
  }
}
