import type {Node, Position} from 'unist'
import type {ContentDocument} from '../../parse/document.js'
import {indexSource, itemIdOf, placeOf} from '../../parse/parity.js'
import type {Rule} from '../rule.js'
import {formatRounds, parseRounds} from '../../parse/rounds.js'
import {TRANSLATION_RECORD_FILE, type UnitKey, recordedUnit} from '../../read/translation-record.js'
import {stepIdOf} from '../../parse/document.js'
import {quote} from '../../../src/describe.js'

// How much of an item's text a message quotes.
const SHOWN = 200

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
    const judge = (document: ContentDocument, place: Node | Position | undefined, unit: UnitKey, name: string, hash: string, sourcePlace: string, text?: string): void => {
      const recorded = recordedUnit(record, unit)
      const fix = `${command} ${unit.id}`
      if (recorded === undefined) {
        report(document, `Expected the translation of ${name} to be marked current, found it never marked (the source is at ${sourcePlace})`, place, {
          tip: `Check it against the source, then run \`${fix}\`.`,
        })
      } else if (recorded.hash !== hash) {
        // Quoted clipped and escaped: the recorded text is whatever translation.json holds.
        const was = recorded.text === undefined ? '' : `, when it read ${quote(recorded.text, SHOWN)}`
        const now = text === undefined ? '' : `, now ${quote(text, SHOWN)}`
        report(document, `Expected the translation of ${name} to follow the source, found the source changed since it was marked current (translated from ${recorded.version === 'unreleased' ? 'an unreleased source' : recorded.version}, hash ${recorded.hash}${was}; the source is at ${sourcePlace}${now})`, place, {
          actual: recorded.hash,
          expected: [hash],
          tip: `Update the translation to say what the source now says, then run \`${fix}\`.`,
        })
      }
    }
    judge(guide, guide.title, {target: 'introduction', id: 'introduction'}, 'the title, introduction and labels', index.introduction, placeOf(source.guide, source.guide.title?.position))
    for (const document of steps) {
      const id = stepIdOf(document)
      const step = id === undefined ? undefined : index.steps.get(id)
      if (id === undefined || step === undefined) continue
      judge(document, document.title, {target: 'step', id}, `step \`${id}\` (title, summary and body)`, step.hash, placeOf(step.document, step.document.title?.position))
      for (const entry of document.items) {
        const itemId = itemIdOf(entry)
        const item = itemId === undefined ? undefined : index.items.get(itemId)
        // An item in another step than the source's is translation-parity's.
        if (itemId === undefined || item === undefined || item.stepId !== id || entry.attributes?.pairs.has('replaces') === true) continue
        // Rounds other than the source's are translation-parity's, once.
        const rounds = parseRounds(entry.attributes?.pairs.get('rounds') ?? '')
        if (rounds !== undefined && formatRounds(rounds) !== formatRounds(parseRounds(item.rounds) ?? rounds)) continue
        judge(document, entry.node, {target: 'item', id: itemId}, `item \`${itemId}\``, item.hash, placeOf(item.document, item.entry.node.position), item.template)
      }
    }
  },
}
