import type {Rule} from '../rule.js'
import {entry} from '../../parse/document.js'
import {placeOf} from '../../parse/parity.js'
import {formatRounds, parseRounds, roundsWithin} from '../../parse/rounds.js'

/** An item's rounds lie inside the rounds the guide covers. */
export const itemRounds: Rule = {
  id: 'item-rounds',
  phase: 'document',
  description: "Each item's `rounds` lie inside the guide's covered rounds (`rounds` in content/guide.md).",
  tip: "Narrow the item's `rounds=…`, or widen `rounds` in content/guide.md.",
  check({guide, steps, coveredRounds, report}) {
    if (coveredRounds === undefined) return
    const covered = formatRounds(coveredRounds)
    const outside = steps.flatMap((document) => document.items.flatMap((item) => {
      const rounds = parseRounds(item.attributes?.pairs.get('rounds') ?? '')
      return item.attributes === undefined || rounds === undefined || roundsWithin(rounds, coveredRounds) ? [] : [{document, position: item.attributes.position, rounds}]
    }))
    const written = guide === undefined ? undefined : entry(guide, 'rounds')
    // Several items outside: one cause, most likely the guide's `rounds:`, one diagnostic there.
    if (guide !== undefined && written !== undefined && outside.length > 1) {
      const from = Math.min(coveredRounds.from, ...outside.map(({rounds}) => rounds.from))
      const to = outside.some(({rounds}) => rounds.to === null) || coveredRounds.to === null ? null : Math.max(coveredRounds.to, ...outside.map(({rounds}) => rounds.to ?? 0))
      const wider = formatRounds({from, to})
      const [first] = outside as [(typeof outside)[number]]
      report(guide, `Expected \`rounds: ${covered}\` to cover every item's rounds, found ${outside.length} items outside it, the first \`${formatRounds(first.rounds)}\` at ${placeOf(first.document, first.position)}`, written.valuePosition, {
        expected: [wider],
        actual: covered,
        tip: `Write \`rounds: ${wider}\`, or narrow those items' \`rounds=…\`.`,
      })
      return
    }
    for (const {document, position, rounds} of outside) {
      report(document, `Expected rounds inside the guide's \`${covered}\`, found \`${formatRounds(rounds)}\``, position, {expected: [covered], actual: formatRounds(rounds)})
    }
  },
}
