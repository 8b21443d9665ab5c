import type {Round} from './types.js'

// Rounds are unbounded, so a memo is too unless capped; a UI shows a handful
// of rounds, so the round asked for least recently is dropped past this many.
const MEMO_LIMIT = 64

/**
 * Make a per-round function that checks its round on a miss (every cached
 * key passed the check already) and memoises what `compute` returns (the
 * same value for the same round). No imports: the checklist and its render
 * forms both use it.
 *
 * @param check Throws the call's error for a round that is not valid (e.g. `assertIntegerInRange(…)`).
 * @param compute Builds the (frozen) value for a validated round.
 * @returns The memoised, validating function.
 * @throws {GuideTypeError} (from the returned function, through `check`) `ERR_INVALID_ARG_TYPE` when the round is not a number.
 * @throws {GuideRangeError} (from the returned function, through `check`) `ERR_ROUND_OUT_OF_RANGE` when it is not a safe integer in `guide.rounds`.
 * @example
 *   const forRound = memoiseByRound((r) => assertRound(r, 'checklistForRound(r)'), compute)
 */
export function memoiseByRound<T>(check: (r: unknown) => void, compute: (round: number) => T): (r: Round) => T {
  const memo = new Map<number, T>()
  return (r) => {
    const cached = memo.get(r)
    if (cached !== undefined) {
      // Moved to the end: the map's order is the order of the last asks.
      memo.delete(r)
      memo.set(r, cached)
      return cached
    }
    check(r)
    const value = compute(r)
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as number)
    memo.set(r, value)
    return value
  }
}
