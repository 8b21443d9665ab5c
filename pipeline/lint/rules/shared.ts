import {distance} from 'fastest-levenshtein'
import {ID_PATTERN} from '../../parse/document.js'

/** Describe what was found, for messages: `` `x` ``, `a list`, `nothing`. */
export function found(value: unknown): string {
  if (value === undefined || value === '') return 'nothing'
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 39)}…` : value}\``
  return `\`${String(value)}\``
}

/**
 * The candidate a misspelling most likely meant: the one at the smallest edit
 * distance (Levenshtein, case-insensitive), when that distance is small enough
 * to be a slip of the keyboard rather than another word.
 *
 * @param written What the file says.
 * @param candidates What it may say.
 * @returns The closest candidate, or `undefined` when none is close.
 * @example
 *   closestMatch('sumary', ['id', 'step', 'summary']) // 'summary'
 */
export function closestMatch(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const apart = distance(lower, candidate.toLowerCase())
    // Up to 2 edits (3 for long words), and never a whole word replaced.
    const limit = Math.min(candidate.length >= 8 ? 3 : 2, candidate.length - 1, Math.max(written.length - 1, 1))
    if (apart <= limit && apart < bestDistance) {
      best = candidate
      bestDistance = apart
    }
  }
  return best === written ? undefined : best
}

/**
 * `; did you mean \`x\`?` for a close candidate, to end a reason with; `''` when none is close.
 *
 * @param written What the file says.
 * @param candidates What it may say.
 * @param format How to show a candidate (default: in backticks).
 */
export function didYouMean(
  written: string,
  candidates: readonly string[],
  format: (candidate: string) => string = (candidate) => `\`${candidate}\``,
): string {
  const match = closestMatch(written, candidates)
  return match === undefined ? '' : `; did you mean ${format(match)}?`
}

/**
 * `; did you mean \`some-id\`?` for an id written in another case or with
 * other separators (`Some_Id`, `some id`), when its kebab-case form is a valid
 * id; `''` otherwise.
 *
 * @param written The id as written.
 */
export function kebabSuggestion(written: string): string {
  const kebab = written
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return kebab !== written && ID_PATTERN.test(kebab) ? `; did you mean \`${kebab}\`?` : ''
}
