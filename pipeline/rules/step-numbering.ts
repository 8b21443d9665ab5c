import type {ContentDocument} from '../document.js'
import type {Rule} from '../rule.js'
import {entry, stepNumberOf} from './shared.js'

/** Steps are numbered 1, 2, 3… with no gap and no repeat. */
export const stepNumbering: Rule = {
  id: 'step-numbering',
  phase: 'document',
  description: 'Steps are numbered contiguously from 1, each number used once.',
  tip: 'Renumber the `step:` values so they run 1, 2, 3… (file names only sort the files; keep their NN- prefix in step with the number for people).',
  check({sources, steps, report}) {
    const byNumber = new Map<number, ContentDocument>()
    // A step without a usable number (reported by other rules), a repeated
    // number or a step file that was not parsed would show up here as a gap
    // too: judge gaps only when every step file has a number of its own.
    let complete = steps.length === sources.filter((source) => source.kind === 'step').length
    for (const document of steps) {
      const number = stepNumberOf(document)
      if (number === undefined) {
        complete = false
        continue
      }
      const earlier = byNumber.get(number)
      if (earlier === undefined) {
        byNumber.set(number, document)
      } else {
        complete = false
        report(document, `Expected each step number once, found step ${number} again (also in ${earlier.file.path})`, entry(document, 'step')?.valuePosition, {actual: String(number)})
      }
    }
    if (!complete) return
    let expected = 1
    for (const number of [...byNumber.keys()].sort((a, b) => a - b)) {
      if (number !== expected) {
        const document = byNumber.get(number) as ContentDocument
        report(document, `Expected step ${expected}, found step ${number}: steps run 1, 2, 3… without gaps`, entry(document, 'step')?.valuePosition, {expected: [String(expected)], actual: String(number)})
      }
      expected = number + 1
    }
  },
}
