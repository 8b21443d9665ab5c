import path from 'node:path'
import type {ContentDocument} from '../../parse/document.js'
import type {Rule} from '../rule.js'
import {entry, stepIdOf, stepNumberOf} from '../../parse/document.js'

// `NN-` at the start of a step's file name.
const PREFIX = /^(\d+)-/

/** The `NN-` a step file's name starts with for a step number: two digits at least. */
function prefixFor(number: number): string {
  return `${String(number).padStart(2, '0')}-`
}

/**
 * Steps are numbered 1, 2, 3… with no gap and no repeat, and each file name's
 * `NN-` prefix agrees with its `step:`. The front matter decides the number;
 * the name sorts the files for people, so it must agree.
 */
export const stepNumbering: Rule = {
  id: 'step-numbering',
  phase: 'document',
  description: 'Steps are numbered contiguously from 1, each number used once, and each file name starts with its step number (`03-…` for `step: 3`).',
  tip: 'Renumber the `step:` values so they run 1, 2, 3…, and start each file name with its number (`03-be-specific.md` for `step: 3`).',
  check({layout, sources, steps, folder: locale, translation, report}) {
    // In a translation, a `step:` that disagrees with the source's number
    // for its id is translation-parity's to report (once): not also the name.
    const sourceNumbers = new Map((translation?.source?.steps ?? []).map((document) => [stepIdOf(document), stepNumberOf(document)]))
    const disagrees = (document: ContentDocument): boolean => {
      const id = stepIdOf(document)
      return !locale.isSource && id !== undefined && sourceNumbers.has(id) && sourceNumbers.get(id) !== stepNumberOf(document)
    }
    const stepFiles = sources.filter((source) => source.kind === 'step').length
    // Which numbers the front matter uses, and how often.
    const uses = new Map<number, number>()
    for (const document of steps) {
      const number = stepNumberOf(document)
      if (number !== undefined) uses.set(number, (uses.get(number) ?? 0) + 1)
    }
    // A number fits when it is in 1..(number of step files) and used once.
    const fits = (number: number): boolean => number >= 1 && number <= stepFiles && uses.get(number) === 1

    // A step without a usable number (reported by other rules), a name that
    // disagrees with its number (one mistake, reported once, in its own file)
    // or a step file that was not parsed (or not read: a link, a FIFO…)
    // would show up as a gap or repeat too: judge those only when every step
    // file agrees with itself.
    let complete = layout.unreadable.length === 0 && steps.length === stepFiles
    for (const document of steps) {
      const number = stepNumberOf(document)
      if (number === undefined || disagrees(document)) {
        complete = false
        continue
      }
      const name = path.basename(document.file.path)
      const written = PREFIX.exec(name)?.[1]
      // Two digits at least; a long guide may pad wider (`001-`) to keep the
      // files in order.
      if (written !== undefined && written.length >= 2 && Number(written) === number) continue
      complete = false
      const stated = entry(document, 'step')
      const fromName = written === undefined ? undefined : Number(written)
      if (fromName !== undefined && !fits(number) && fromName >= 1 && fromName <= stepFiles && !uses.has(fromName)) {
        // The name holds the missing number and `step:` repeats or overshoots:
        // the front matter is what was mistyped.
        report(document, `Expected \`step: ${fromName}\`, as the file name ${name} and the other steps say, found \`step: ${number}\``, stated?.valuePosition, {
          expected: [String(fromName)],
          actual: String(number),
          tip: `Set \`step: ${fromName}\`, or, if the step really moved, renumber the others and rename the file to start with \`${prefixFor(number)}\`.`,
        })
      } else {
        report(document, `Expected the file name to start with \`${prefixFor(number)}\`, as its \`step: ${number}\` says, found \`${name}\``, stated?.keyPosition, {
          expected: [prefixFor(number)],
          actual: name,
          tip: `Rename the file to \`${prefixFor(number)}${name.replace(PREFIX, '')}\`: the front matter decides the step number, and the name must agree.`,
        })
      }
    }
    if (!complete) return

    const byNumber = new Map<number, ContentDocument>()
    for (const document of steps) {
      const number = stepNumberOf(document) as number
      const earlier = byNumber.get(number)
      if (earlier === undefined) {
        byNumber.set(number, document)
      } else {
        complete = false
        report(document, `Expected each step number once, found step ${number} again (also in ${earlier.file.path})`, entry(document, 'step')?.valuePosition, {
          actual: String(number),
          tip: 'Give each step its own number; two files for one step are one too many.',
        })
      }
    }
    // A translation may lack steps (each is reported as missing, a warning);
    // its numbers are judged against the source's by translation-parity.
    if (!complete || !locale.isSource) return
    let expected = 1
    for (const number of [...byNumber.keys()].sort((a, b) => a - b)) {
      if (number !== expected) {
        const document = byNumber.get(number) as ContentDocument
        report(document, `Expected step ${expected}, found step ${number}: steps run 1, 2, 3… without gaps`, entry(document, 'step')?.valuePosition, {
          expected: [String(expected)],
          actual: String(number),
          tip: `Renumber from here so the steps run 1, 2, 3… without gaps (\`step: ${expected}\`, file name \`${prefixFor(expected)}…\`), or add the missing step.`,
        })
      }
      expected = number + 1
    }
  },
}
