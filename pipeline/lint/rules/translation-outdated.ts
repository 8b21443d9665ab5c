import type {Node, Position} from 'unist'
import type {ContentDocument} from '../../parse/document.js'
import {indexSource, itemIdOf, placeOf, untranslatedUnits} from '../../parse/parity.js'
import type {Rule} from '../rule.js'
import {formatRounds, parseRounds} from '../../parse/rounds.js'
import {type RecordedUnit, TRANSLATION_RECORD_FILE, type UnitKey, recordedUnit} from '../../read/translation-record.js'
import {introductionWords, stepWords} from '../../parse/units.js'
import {stepIdOf} from '../../parse/document.js'
import {quote} from '../../../src/describe.js'

// How many unchanged words a change is shown with, either side; how much of a changed stretch.
const CONTEXT = 6
const CLIP = 120

// The changed stretch of a text, word by word as `git diff --word-diff`
// shows it, with a few words either side: `…you plan [-Check that-]{+Make sure+} the way…`.
function wordDiff(before: string, after: string): string {
  const a = before.split(/\s+/).filter(Boolean)
  const b = after.split(/\s+/).filter(Boolean)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const clip = (words: string[], mark: string): string => {
    const text = words.join(' ')
    return text === '' ? '' : `${mark[0]}${mark[1]}${text.length > CLIP ? `${text.slice(0, CLIP - 1)}…` : text}${mark[1]}${mark[2]}`
  }
  const changed = clip(a.slice(start, a.length - end), '[-]') + clip(b.slice(start, b.length - end), '{+}')
  if (changed === '') return '(spacing only)'
  const lead = start > CONTEXT ? ['…', ...a.slice(start - CONTEXT, start)] : a.slice(0, start)
  const tail = end > CONTEXT ? [...b.slice(b.length - end, b.length - end + CONTEXT), '…'] : b.slice(b.length - end)
  return [...lead, changed, ...tail].join(' ')
}

// What changed between the words a unit was translated from and the source's words now, part by part.
function changes(was: RecordedUnit, now: Words): string {
  const parts: string[] = []
  const compare = (name: string, before = '', after = ''): void => {
    if (before !== after) parts.push(`${name}${quote(wordDiff(before, after), 2 * CLIP + 200)}`)
  }
  compare('', was.text, now.text)
  compare('title ', was.title, now.title)
  compare('summary ', was.summary, now.summary)
  for (let index = 0; index < Math.max(was.body?.length ?? 0, now.body?.length ?? 0); index++) compare(`paragraph ${index + 1} `, was.body?.[index], now.body?.[index])
  compare('step-heading ', was.labels?.stepHeading, now.labels?.stepHeading)
  compare('round-heading ', was.labels?.roundHeading, now.labels?.roundHeading)
  return parts.join('; ')
}

type Words = Omit<RecordedUnit, 'hash' | 'version'>

/**
 * A translated unit (the introduction, a step's words, an item) was marked
 * current against the source as it is today. One whose source changed since,
 * or that was never marked, is a warning naming the change.
 */
export const translationOutdated: Rule = {
  id: 'translation-outdated',
  phase: 'document',
  severity: 'warning',
  description: 'Each translated introduction, step and item was marked current against the source as it is now (a warning when the source changed since, or it was never marked).',
  tip: 'Bring the translation in line with the source\'s current text, then run `npm run content:translated -- <locale> <id>` (never edit translation.json by hand).',
  check({guide, steps, folder: locale, translation, report}) {
    const source = translation?.source
    if (locale.isSource || source === undefined || guide === undefined || locale.tag === locale.sourceTag) return
    const command = `npm run content:translated -- ${locale.tag}`
    const record = translation?.record
    if (record === undefined) {
      // One root cause: no record at all, not one warning per unit.
      report(guide, `Expected \`${locale.name(TRANSLATION_RECORD_FILE)}\` recording which source text each translation follows, found none: no translation of \`${locale.tag}\` is marked current`, guide.title ?? {line: 1, column: 1}, {
        tip: `Once the translations match the source, run \`${command} --all\` to mark them current.`,
      })
      return
    }
    const index = indexSource(source)
    // A copy of the source's words is not translated yet: translation-missing's.
    const copies = untranslatedUnits(source, locale, guide, steps)
    const judge = (document: ContentDocument, place: Node | Position | undefined, unit: UnitKey, name: string, hash: string, sourcePlace: string, now: Words): void => {
      if (unit.target === 'introduction' ? copies.introduction : (unit.target === 'step' ? copies.steps : copies.items).has(unit.id)) return
      const recorded = recordedUnit(record, unit)
      const fix = `${command} ${unit.id}`
      if (recorded === undefined) {
        report(document, `Expected the translation of ${name} to be marked current, found it never marked (the source is at ${sourcePlace})`, place, {
          tip: `Check it against the source, then run \`${fix}\`.`,
        })
      } else if (recorded.hash !== hash) {
        const from = recorded.version === 'unreleased' ? 'an unreleased source' : recorded.version
        // A record written before it kept the words has only the hash to show.
        const kept = recorded.text !== undefined || recorded.title !== undefined
        report(document, `Expected the translation of ${name} to follow the source, found the source changed since it was marked current (translated from ${from}${kept ? '' : `, hash ${recorded.hash}`}; the source is at ${sourcePlace})${kept ? `: ${changes(recorded, now)}` : ''}`, place, {
          actual: recorded.hash,
          expected: [hash],
          tip: `Update the translation to say what the source now says${kept ? ` (\`[-…-]\` is what the source said when it was translated, \`{+…+}\` what it says now)` : ` (\`git log -p ${sourcePlace.replace(/:\d+:\d+$/, '')}\` shows what changed)`}, then run \`${fix}\`.`,
        })
      }
    }
    judge(guide, guide.title, {target: 'introduction', id: 'introduction'}, 'the title, introduction and labels', index.introduction, placeOf(source.guide, source.guide.title?.position), introductionWords(source.guide))
    for (const document of steps) {
      const id = stepIdOf(document)
      const step = id === undefined ? undefined : index.steps.get(id)
      if (id === undefined || step === undefined) continue
      judge(document, document.title, {target: 'step', id}, `step \`${id}\` (title, summary and body)`, step.hash, placeOf(step.document, step.document.title?.position), stepWords(step.document))
      for (const entry of document.items) {
        const itemId = itemIdOf(entry)
        const item = itemId === undefined ? undefined : index.items.get(itemId)
        // An item in another step than the source's is translation-parity's.
        if (itemId === undefined || item === undefined || item.stepId !== id || entry.attributes?.pairs.has('replaces') === true) continue
        // Rounds other than the source's are translation-parity's, once.
        const rounds = parseRounds(entry.attributes?.pairs.get('rounds') ?? '')
        if (rounds !== undefined && formatRounds(rounds) !== formatRounds(parseRounds(item.rounds) ?? rounds)) continue
        judge(document, entry.node, {target: 'item', id: itemId}, `item \`${itemId}\``, item.hash, placeOf(item.document, item.entry.node.position), {text: item.template})
      }
    }
  },
}
