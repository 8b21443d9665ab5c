// Marking translations current: what `npm run content:translated` and
// `ace-second-interview translation import` write into a locale's
// translation.json. One place computes what a unit's entry records.
import type {SourceView} from '../lint/rule.js'
import {entry} from '../parse/document.js'
import {indexSource} from '../parse/parity.js'
import {paragraphsOf, titleOf} from '../parse/units.js'
import type {RecordedUnit, TranslationRecord, UnitKey} from '../read/translation-record.js'

/**
 * What a locale's record keeps of a source unit as it is today: its hash, the
 * release that published that text (or `unreleased`) and its words as plain
 * text (an item's template; the introduction's title and paragraphs, a step's
 * title, summary and paragraphs, each separated by a blank line), so a
 * translator can later be shown what changed.
 *
 * @param source The source, as the lint saw it.
 * @param unit The introduction, a step or an item of the source.
 * @returns The entry, or `undefined` when the source has no such unit.
 * @example
 *   recordOf(lint.sourceView!, {target: 'step', id: 'make-a-plan'})?.hash
 */
export function recordOf(source: SourceView, unit: UnitKey): RecordedUnit | undefined {
  const index = indexSource(source)
  const entryOf = (hash: string, parts: readonly string[]): RecordedUnit => ({hash, version: source.releasedIn(unit, hash) ?? 'unreleased', text: parts.join('\n\n')})
  if (unit.target === 'introduction') return entryOf(index.introduction, [titleOf(source.guide), ...paragraphsOf(source.guide)])
  if (unit.target === 'item') {
    const item = index.items.get(unit.id)
    return item === undefined ? undefined : entryOf(item.hash, [item.template])
  }
  const step = index.steps.get(unit.id)
  if (step === undefined) return undefined
  return entryOf(step.hash, [titleOf(step.document), String(entry(step.document, 'summary')?.value ?? '').trim(), ...paragraphsOf(step.document)])
}

/**
 * A record with some units marked current against today's source and others
 * unmarked (outdated until marked again); every other entry as it was.
 *
 * @param old The locale's record, if it has one.
 * @param tag The locale.
 * @param source The source, as the lint saw it.
 * @param mark Units to mark current (each must be one of the source's).
 * @param unmark Units whose entries to remove.
 * @returns The new record.
 * @example
 *   formatTranslationRecord(markCurrent(locale.record, 'es', source, [{target: 'item', id: 'note-best-answer'}]))
 */
export function markCurrent(
  old: TranslationRecord | undefined,
  tag: string,
  source: SourceView,
  mark: readonly UnitKey[],
  unmark: readonly UnitKey[] = [],
): TranslationRecord {
  let introduction = old?.introduction
  const steps: Record<string, RecordedUnit> = {...old?.steps}
  const items: Record<string, RecordedUnit> = {...old?.items}
  for (const unit of unmark) {
    if (unit.target === 'introduction') introduction = undefined
    else delete (unit.target === 'step' ? steps : items)[unit.id]
  }
  for (const unit of mark) {
    const recorded = recordOf(source, unit)
    if (recorded === undefined) continue
    if (unit.target === 'introduction') introduction = recorded
    else (unit.target === 'step' ? steps : items)[unit.id] = recorded
  }
  return {locale: tag, ...(introduction === undefined ? {} : {introduction}), steps, items}
}
