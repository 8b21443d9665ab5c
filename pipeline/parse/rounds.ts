import type {RoundRange} from '../../src/types.js'

const ROUNDS = /^([1-9]\d{0,5})(?:(\+)|-([1-9]\d{0,5}))?$/

/**
 * Parse the content's rounds syntax: `2` (round 2 only), `2-4` (2 to 4) or
 * `2+` (2 and every later round).
 *
 * @param text The value written in the content.
 * @returns The range, or `undefined` when `text` is not in that syntax.
 */
export function parseRounds(text: string): RoundRange | undefined {
  const match = ROUNDS.exec(text)
  if (match === null) return undefined
  const from = Number(match[1])
  if (match[2] === '+') return {from, to: null}
  const to = match[3] === undefined ? from : Number(match[3])
  return to >= from ? {from, to} : undefined
}

/**
 * Tell whether `inner` lies inside `outer`.
 *
 * @param inner The narrower range.
 * @param outer The wider range.
 */
export function roundsWithin(inner: RoundRange, outer: RoundRange): boolean {
  if (inner.from < outer.from) return false
  if (outer.to === null) return true
  return inner.to !== null && inner.to <= outer.to
}

/** Write a range back in the content's syntax, for messages. */
export function formatRounds(range: RoundRange): string {
  if (range.to === null) return `${range.from}+`
  return range.to === range.from ? String(range.from) : `${range.from}-${range.to}`
}
