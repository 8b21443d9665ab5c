import type {ChecklistItem, Guide, Locale, Step, TranslationStatus} from '../../src/types.js'
import type {ChecklistEntry, ContentDocument} from '../parse/document.js'
import {ordinalOf} from '../../src/ordinal.js'
import {type Ordinal, renderTemplate} from '../../src/template.js'
import {lintedOrdinals} from '../parse/ordinals.js'
import {SCHEMA_VERSION} from '../../src/schema.js'
import {inContent} from './guard.js'
import type {LintResult, LocaleLint} from '../lint/lint.js'
import {indexSource, untranslatedUnits} from '../parse/parity.js'
import {entry, stepIdOf} from '../parse/document.js'
import {type UnitKey, recordedUnit} from '../read/translation-record.js'
import {contentHash, itemHash, itemRoundsOf, itemTemplate, labelsOf, paragraphsOf, titleOf} from '../parse/units.js'

/** What compiling needs besides the content. */
export interface CompileOptions {
  /** The content version (package.json `version`). */
  readonly version: string
  /**
   * The version that first published an id, from the manifest; `undefined`
   * for an id that is new in this version.
   */
  readonly since: (id: string) => string | undefined
}

/** Where a compiled text comes from: a document of some locale, and how it stands. */
interface Text {
  readonly document: ContentDocument
  readonly locale: string
  readonly translation: TranslationStatus
}

/**
 * Turn linted content into the source's guide data, or a translation's: the
 * source's steps, items, ids, numbers and rounds, each in the translation's
 * words where it has them (`current` or `outdated`, from its record), else
 * in the source's (`fallback`). Only call it on a result whose `failed` is
 * false: it trusts the rules and does not re-check.
 *
 * @param result A passing lint result (the source and every translation).
 * @param options The version and `since` lookup (the source's).
 * @param locale One of `result.locales`; the source when left out.
 * @returns The guide, not yet frozen.
 * @throws {ContentBuildError} When compiling a file fails, naming the file.
 * @example
 *   const spanish = compileGuide(lint, options, lint.locales.find((l) => l.locale.tag === 'es'))
 */
export function compileGuide(result: LintResult, options: CompileOptions, locale?: LocaleLint): Guide {
  const source = result.sourceView
  const folder = locale ?? source
  if (result.failed || source === undefined || folder?.guide === undefined) {
    throw new Error('compileGuide: expected content that passed the lint, received a failed result')
  }
  const sourceTag = result.locale.tag
  const tag = locale?.locale.tag ?? sourceTag
  const spell = ordinalOf(lintedOrdinals(folder.guide, tag))
  const sourceSpell = ordinalOf(lintedOrdinals(source.guide, sourceTag))
  const index = indexSource(source)
  const status = (unit: UnitKey, hash: string): TranslationStatus =>
    locale === undefined ? 'source' : recordedUnit(locale.record, unit)?.hash === hash ? 'current' : 'outdated'
  // A copy of the source's words, not translated yet, is shipped as what it is: the source's.
  const copies = locale === undefined ? undefined : untranslatedUnits(source, locale.locale, locale.guide, locale.steps)
  const translatedSteps = new Map(folder.steps.flatMap((document) => (copies?.steps.has(stepIdOf(document) ?? '') ? [] : [[stepIdOf(document), document]])))
  const translatedItems = new Map<string, {document: ContentDocument; entry: ChecklistEntry}>()
  for (const document of folder.steps) {
    for (const item of document.items) if (item.attributes !== undefined && !copies?.items.has(item.attributes.id)) translatedItems.set(item.attributes.id, {document, entry: item})
  }
  const fallback = (document: ContentDocument): Text => ({document, locale: sourceTag, translation: 'fallback'})
  // Each file compiled on its own, so a failure names the file it came from.
  const compiled = [...index.steps.values()].map((step) => {
    const document = translatedSteps.get(step.id)
    const words: Text = document === undefined ? fallback(step.document) : {document, locale: tag, translation: status({target: 'step', id: step.id}, step.hash)}
    const items = step.items.map((id) => {
      const original = index.items.get(id)
      if (original === undefined) throw new Error(`compileGuide: the source lost item "${id}"`)
      const translated = translatedItems.get(id)
      return translated === undefined
        ? {...fallback(original.document), entry: original.entry, original: original.entry, spell: sourceSpell}
        : {document: translated.document, entry: translated.entry, original: original.entry, locale: tag, translation: status({target: 'item', id}, original.hash), spell}
    })
    const file = document ?? step.document
    return inContent(file.file, file.tree, 'compile', () => compileStep(words, step.document, items, source.coveredRounds.from, options))
  })
  const introduction: Text = copies?.introduction ? fallback(source.guide) : {document: folder.guide, locale: tag, translation: status({target: 'introduction', id: 'introduction'}, index.introduction)}
  return inContent(folder.guide.file, folder.guide.tree, 'compile', (): Guide => ({
    title: titleOf(introduction.document),
    locale: tag as Locale,
    version: options.version,
    schemaVersion: SCHEMA_VERSION,
    rounds: source.coveredRounds,
    introduction: {body: paragraphsOf(introduction.document), locale: introduction.locale as Locale, translation: introduction.translation},
    labels: labelsOf(introduction.document),
    steps: compiled,
  }))
}

/**
 * One step: its words from `words.document`, its id and number from the
 * source's document (the same file in the source), its items each from
 * wherever they are written.
 */
function compileStep(
  words: Text,
  source: ContentDocument,
  // `entry` is where the words are; `original` the source's item, whose rounds count.
  items: ReadonlyArray<Text & {readonly entry: ChecklistEntry; readonly original: ChecklistEntry; readonly spell: Ordinal}>,
  firstRound: number,
  options: CompileOptions,
): Step {
  const id = String(entry(source, 'id')?.value) as Step['id']
  const number = entry(source, 'step')?.value as Step['number']
  const title = titleOf(words.document)
  const summary = String(entry(words.document, 'summary')?.value).trim()
  const body = paragraphsOf(words.document)
  const checklist = items.map((item): ChecklistItem => {
    const itemId = item.entry.attributes?.id as ChecklistItem['id']
    const rounds = itemRoundsOf(item.original, firstRound)
    const template = itemTemplate(item.entry)
    return {
      id: itemId,
      stepId: id,
      stepNumber: number,
      text: renderTemplate(template, Math.max(firstRound, rounds.from), item.spell),
      template,
      rounds,
      hash: itemHash(template),
      since: options.since(itemId) ?? options.version,
      locale: item.locale as Locale,
      translation: item.translation,
    }
  })
  return {
    id,
    number,
    title,
    summary,
    body,
    checklist,
    hash: contentHash({title, summary, body, checklist: checklist.map((item) => [item.id, item.hash])}),
    since: options.since(id) ?? options.version,
    locale: words.locale as Locale,
    translation: words.translation,
  }
}
