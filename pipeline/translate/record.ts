// Marking translations current: what `npm run content:translated` and
// `ace-second-interview translation import` write into a locale's
// translation.json. One place computes what a unit's entry records.
import type {SourceView} from '../lint/rule.js'
import {indexSource} from '../parse/parity.js'
import {introductionWords, stepWords} from '../parse/units.js'
import {type RecordedUnit, type TranslationRecord, type UnitKey, type UnitTarget, recordedUnit} from '../read/translation-record.js'

/**
 * What a locale's record keeps of a source unit as it is today: its hash,
 * the release that published that text (or `unreleased`; a unit marked again
 * in the same words keeps the release it was translated from) and its words
 * (an item's template; the title, body and labels of the introduction; the
 * title, summary and body of a step), so a translator can later be shown
 * what changed.
 *
 * @param source The source, as the lint saw it.
 * @param unit The introduction, a step or an item of the source.
 * @param kept The unit's entry in the locale's record until now, if any.
 * @returns The entry, or `undefined` when the source has no such unit.
 * @example
 *   recordOf(lint.sourceView!, {target: 'step', id: 'make-a-plan'})?.hash
 */
export function recordOf(source: SourceView, unit: UnitKey, kept?: RecordedUnit): RecordedUnit | undefined {
  const index = indexSource(source)
  const entry = (hash: string, words: Omit<RecordedUnit, 'hash' | 'version'>): RecordedUnit => ({
    hash,
    version: kept?.hash === hash ? kept.version : (source.releasedIn(unit, hash) ?? 'unreleased'),
    ...words,
  })
  if (unit.target === 'introduction') return entry(index.introduction, introductionWords(source.guide))
  if (unit.target === 'item') {
    const item = index.items.get(unit.id)
    return item === undefined ? undefined : entry(item.hash, {text: item.template})
  }
  const step = index.steps.get(unit.id)
  return step === undefined ? undefined : entry(step.hash, stepWords(step.document))
}

/**
 * A record with some units marked current against today's source and others
 * unmarked (outdated until marked again); every other entry as it was.
 *
 * @param old The locale's record, if it has one.
 * @param tag The locale.
 * @param source The source, as the lint saw it.
 * @param mark Units to mark current (each must be one of the source's).
 * @param options `unmark`: units whose entries to remove; `replace`: keep no
 *   other entry (`content:translated --all`).
 * @returns The new record.
 * @example
 *   formatTranslationRecord(markCurrent(locale.record, 'es', source, [{target: 'item', id: 'note-best-answer'}]))
 */
export function markCurrent(
  old: TranslationRecord | undefined,
  tag: string,
  source: SourceView,
  mark: readonly UnitKey[],
  options: {readonly unmark?: readonly UnitKey[]; readonly replace?: boolean} = {},
): TranslationRecord {
  const base = options.replace === true ? undefined : old
  // Entries by target and id: the introduction's id is `introduction`.
  const units: Record<UnitTarget, Record<string, RecordedUnit>> = {
    introduction: base?.introduction === undefined ? {} : {introduction: base.introduction},
    step: {...base?.steps},
    item: {...base?.items},
  }
  for (const unit of options.unmark ?? []) delete units[unit.target][unit.id]
  for (const unit of mark) {
    const recorded = recordOf(source, unit, recordedUnit(old, unit))
    if (recorded !== undefined) units[unit.target][unit.id] = recorded
  }
  return {locale: tag, ...units.introduction, steps: units.step, items: units.item}
}
