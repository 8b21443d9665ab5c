import type {Rule} from '../rule.js'
import {formatRounds, parseRounds, roundsWithin} from '../../parse/rounds.js'

/** An item's rounds lie inside the rounds the guide covers. */
export const itemRounds: Rule = {
  id: 'item-rounds',
  phase: 'document',
  description: "Each item's `rounds` lie inside the guide's covered rounds (`rounds` in content/guide.md).",
  tip: "Narrow the item's `rounds=…`, or widen `rounds` in content/guide.md.",
  check({steps, coveredRounds, report}) {
    if (coveredRounds === undefined) return
    const covered = formatRounds(coveredRounds)
    for (const document of steps) {
      for (const entry of document.items) {
        const written = entry.attributes?.pairs.get('rounds')
        const rounds = written === undefined ? undefined : parseRounds(written)
        if (entry.attributes === undefined || rounds === undefined) continue
        if (!roundsWithin(rounds, coveredRounds)) {
          report(document, `Expected rounds inside the guide's \`${covered}\`, found \`${formatRounds(rounds)}\``, entry.attributes.position, {expected: [covered], actual: formatRounds(rounds)})
        }
      }
    }
  },
}
