import {matchesInSource, stepNumberOf} from '../../parse/document.js'
import {languageOf} from '../dictionaries.js'
import type {Rule} from '../rule.js'

// How each language writes a number of steps: the plural noun, and the
// numbers 2 to 12 in words (one step is left out: `one step at a time` is a
// saying, not a count). One word may stand between (`six simple steps`).
const COUNTS: Readonly<Record<string, {readonly steps: string; readonly numbers: readonly string[]}>> = {
  en: {steps: 'steps', numbers: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']},
  fr: {steps: 'étapes', numbers: ['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze']},
  de: {steps: 'schritten?', numbers: ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf']},
  es: {steps: 'pasos', numbers: ['dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce']},
}

/** The number of steps the guide's title or introduction states is the number it has. */
export const stepCount: Rule = {
  id: 'step-count',
  phase: 'document',
  severity: 'warning',
  description: 'A number of steps stated in the guide\'s title or introduction (`in 6 Steps`, `six steps`, `en 6 étapes`, in digits or words from two to twelve) is the number of steps the guide has.',
  tip: 'Say how many steps the guide has now, in the title and the introduction of guide.md and of each translation\'s guide.md.',
  check({guide, steps, sources, layout, locale, translation, report}) {
    const words = COUNTS[languageOf(locale)]
    // A translation shows every step of the source. Until every step file is
    // read, sound and numbered 1 to n, the count is not known for sure.
    const numbers = (translation?.source?.steps ?? steps).map(stepNumberOf)
    const count = numbers.length
    const unsure = translation?.source === undefined && (layout.unreadable.length > 0 || sources.filter((source) => source.kind === 'step').length !== count)
    if (guide === undefined || words === undefined || count === 0 || unsure || numbers.some((number, index) => number !== index + 1)) return
    const pattern = new RegExp(`(?<![\\p{L}\\d])(\\d+|${words.numbers.join('|')})\\s+(?:\\p{L}+\\s+)?${words.steps}(?!\\p{L})`, 'giu')
    for (const node of [guide.title, ...guide.body]) {
      if (node === undefined) continue
      for (const match of matchesInSource(guide.file, node, pattern)) {
        const said = match.groups[0] ?? ''
        const stated = /\d/.test(said) ? Number(said) : words.numbers.indexOf(said.toLowerCase()) + 2
        if (stated !== count) {
          report(guide, `Expected ${count} steps, as the guide has, found \`${match.text}\``, match.position, {expected: [String(count)], actual: match.text})
        }
      }
    }
  },
}
