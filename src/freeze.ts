/**
 * Freeze a value and everything reachable from it, so no consumer can change
 * the guide for another.
 *
 * @param value A tree of plain objects and arrays (no cycles).
 * @returns The same value, typed as read-only.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key])
    }
    Object.freeze(value)
  }
  return value
}
