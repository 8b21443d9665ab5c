import {assertIntegerInRange} from './arguments.js'
import {guide} from './guide.js'
import type {Round} from './types.js'

// Rounds are unbounded, so a memo is too unless capped; a UI shows a handful
// of rounds, so the oldest entry is dropped past this many.
const MEMO_LIMIT = 64

/**
 * Make a per-round function that validates its round like every round-taking
 * call and memoises what `compute` returns (the same value for the same round).
 *
 * @param call The public call and parameter, e.g. `'checklistForRound(r)'`, for messages.
 * @param compute Builds the (frozen) value for a validated round.
 * @returns The memoised, validating function.
 * @throws {GuideTypeError} (from the returned function) `ERR_INVALID_ARG_TYPE` when the round is not a number.
 * @throws {GuideRangeError} (from the returned function) `ERR_ROUND_OUT_OF_RANGE` when it is not a safe integer in `guide.rounds`.
 * @example
 *   const forRound = memoiseByRound('checklistForRound(r)', compute)
 */
export function memoiseByRound<T>(call: string, compute: (round: number) => T): (r: Round) => T {
  const memo = new Map<number, T>()
  return (r) => {
    const cached = memo.get(r)
    if (cached !== undefined) return cached
    // Validation runs only on a miss: every cached key passed it already.
    assertIntegerInRange(r, call, 'r', guide.rounds.from, guide.rounds.to ?? Number.POSITIVE_INFINITY, 'ERR_ROUND_OUT_OF_RANGE')
    const value = compute(r)
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as number)
    memo.set(r, value)
    return value
  }
}
