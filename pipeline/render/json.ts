// Trees as the render data ships them: plain JSON, without positions or
// `data`. A copy made by walking the tree, as JSON.stringify and JSON.parse
// would make it, without the text in between (the build makes three per
// rendered document).

/**
 * Copy a value as `JSON.parse(JSON.stringify(value, replacer))` would, where
 * the replacer drops every `position` and `data` key: objects keep their own
 * enumerable string keys in order, `undefined`, functions and symbols are
 * left out of objects and become `null` in arrays, non-finite numbers become
 * `null` and `-0` becomes `0`. Strings are shared, not copied. A value with a
 * `toJSON` method, or one JSON cannot hold (a `bigint`, a cycle), is handed to
 * JSON itself (which then behaves, or throws, as it always did).
 *
 * @param value Any JSON-like value (an mdast or hast tree).
 * @returns The copy.
 * @example
 *   plainJson({type: 'text', value: 'a', position: {start: {line: 1, column: 1}}}) // {type: 'text', value: 'a'}
 */
export function plainJson<T>(value: T): T {
  try {
    return copy(value, new Set()) as T
  } catch (error) {
    if (!(error instanceof Unplain)) throw error
    return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'position' || key === 'data' ? undefined : inner))) as T
  }
}

// Thrown when the walk meets what only JSON itself should judge.
class Unplain extends Error {}

function copy(value: unknown, parents: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null
    case 'object': {
      if (value === null) return null
      if (typeof (value as {toJSON?: unknown}).toJSON === 'function' || parents.has(value)) throw new Unplain()
      parents.add(value)
      let result: unknown
      if (Array.isArray(value)) {
        const array: unknown[] = []
        // By index, holes included (JSON writes them as null).
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index]
          array.push(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : copy(item, parents))
        }
        result = array
      } else {
        const object: Record<string, unknown> = {}
        for (const key of Object.keys(value)) {
          if (key === 'position' || key === 'data') continue
          const item = (value as Record<string, unknown>)[key]
          if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
          // An own `__proto__` key, as JSON.parse makes it (an assignment would set the prototype).
          if (key === '__proto__') Object.defineProperty(object, key, {value: copy(item, parents), enumerable: true, writable: true, configurable: true})
          else object[key] = copy(item, parents)
        }
        result = object
      }
      parents.delete(value)
      return result
    }
    default:
      // A bigint (JSON throws) or, at the top, undefined, a function, a symbol.
      throw new Unplain()
  }
}
