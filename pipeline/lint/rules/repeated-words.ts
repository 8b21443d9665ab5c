import {proseOf, repeatedWords as findRepeats} from '../../parse/prose.js'
import type {Rule} from '../rule.js'
import {translatedProse} from '../../parse/parity.js'

/** No word is written twice in a row (`the the`) in titles, summaries, bodies and items. */
export const repeatedWords: Rule = {
  id: 'repeated-words',
  phase: 'document',
  severity: 'warning',
  description: 'No word is written twice in a row (`the the`) in titles, summaries, bodies and checklist items.',
  tip: 'Delete one of the two words.',
  check({guide, steps, report, locale, folder, translation}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      for (const {actual, word, place} of findRepeats(translatedProse(proseOf(document, locale), document, translation?.source, folder), locale)) {
        report(document, `Expected \`${word}\` once, found it twice in a row: \`${actual}\``, place, {expected: [word], actual})
      }
    }
  },
}
