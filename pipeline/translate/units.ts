// What a translator works on, one unit per stable id, for the PO and XLIFF
// exchange: the introduction's title and paragraphs (`introduction.title`,
// `introduction.paragraph-1`), each step's title, summary and paragraphs
// (`make-a-plan.summary`), and each checklist item (its own id). Each comes
// with the source's markdown, the translation's (where it is in the locale's
// file), its state and a note for the translator.
import path from 'node:path'
import type {Paragraph} from 'mdast'
import type {Point} from 'unist'
import {location} from 'vfile-location'
import {PLACEHOLDER_OFFSETS, findPlaceholders} from '../../src/template.js'
import type {LocaleLint} from '../lint/lint.js'
import type {SourceView} from '../lint/rule.js'
import {type ContentDocument, entry, plainText, stepIdOf} from '../parse/document.js'
import {grammarOf} from '../parse/grammar.js'
import {indexSource, itemIdOf} from '../parse/parity.js'
import {parseRounds} from '../parse/rounds.js'
import {titleOf} from '../parse/units.js'
import {type UnitKey, recordedUnit} from '../read/translation-record.js'

/** A unit's translation: `current` (marked current against today's source), `outdated` (translated from an earlier source) or `missing`. */
export type UnitState = 'current' | 'outdated' | 'missing'

/** Where a unit's text stands in a file: offsets into its text. */
export interface Span {
  /** The file, absolute. */
  readonly file: string
  readonly start: number
  readonly end: number
  /** Whether it is a YAML value (the summary), written as YAML. */
  readonly yaml: boolean
}

/** One translatable unit of a locale. */
export interface ExchangeUnit {
  /** Stable id: the PO msgctxt, the XLIFF trans-unit id. */
  readonly id: string
  /** The translation.json unit it belongs to (the introduction, a step, an item). */
  readonly record: UnitKey
  readonly kind: 'title' | 'summary' | 'paragraph' | 'item'
  /** The source's markdown (the summary: its value). */
  readonly source: string
  /** The translation's markdown; empty when there is none. */
  readonly translation: string
  /** Where the translation is written in the locale's file; `undefined` when it has none yet. */
  readonly span: Span | undefined
  readonly state: UnitState
  /** For an outdated unit, the source's words (plain text) when it was translated, if recorded. */
  readonly previous: string | undefined
  /** The source file and line, `content/steps/02-make-a-plan.md:9`. */
  readonly reference: string
  /** Sentences for the translator: where the unit is, what its placeholders mean and how to write them. */
  readonly notes: readonly string[]
}

/** One part of a document: its key (`title`, `summary`, `paragraph-2`), markdown, plain text and place. */
interface Part {
  readonly key: string
  readonly text: string
  readonly plain: string
  readonly start: number
  readonly end: number
  readonly line: number
}

const PLACEHOLDER_MEANING: Readonly<Record<string, string>> = {
  round: 'the round the checklist is shown for',
  previous: 'the round before the one the checklist is shown for',
  next: 'the round after the one the checklist is shown for',
}

// A document's title, summary (steps) and paragraphs, in order.
function partsOf(document: ContentDocument): Part[] {
  const text = String(document.file.value)
  const parts: Part[] = []
  const add = (key: string, from: Point | undefined, to: Point | undefined, plain: string, value?: string): void => {
    if (from?.offset === undefined || to?.offset === undefined) return
    parts.push({key, text: value ?? text.slice(from.offset, to.offset), plain, start: from.offset, end: to.offset, line: from.line})
  }
  const title = document.title
  add('title', title?.children[0]?.position?.start, title?.children.at(-1)?.position?.end, titleOf(document))
  const summary = document.kind === 'step' ? entry(document, 'summary') : undefined
  if (summary !== undefined) {
    const place = location(document.file)
    const point = (at: Point): Point => ({...at, offset: place.toOffset(at)})
    const value = String(summary.value).trim()
    add('summary', point(summary.valuePosition.start), point(summary.valuePosition.end), value, value)
  }
  const paragraphs = document.body.filter((node): node is Paragraph => node.type === 'paragraph')
  for (const [index, node] of paragraphs.entries()) add(`paragraph-${index + 1}`, node.position?.start, node.position?.end, plainText(node))
  return parts
}

// A checklist item's text, without its attribute block.
function itemPart(document: ContentDocument, item: ContentDocument['items'][number]): Part | undefined {
  const start = item.paragraph?.position?.start
  const end = item.attributes?.position.start.offset
  if (start?.offset === undefined || end === undefined) return undefined
  const text = String(document.file.value).slice(start.offset, end).trimEnd()
  return {key: 'item', text, plain: item.paragraph === undefined ? '' : plainText(item.paragraph), start: start.offset, end: start.offset + text.length, line: start.line}
}

// What each placeholder the source uses means, and how this language writes it.
function placeholderNotes(template: string, tag: string, firstRound: number): string[] {
  const grammar = grammarOf(tag)
  const names = [...new Set(findPlaceholders(template).filter((found) => found.known).map((found) => found.name))]
  return names.map((name) => {
    const round = firstRound + PLACEHOLDER_OFFSETS[name as keyof typeof PLACEHOLDER_OFFSETS]
    const forms = grammar?.FORMS ?? []
    const required = grammar?.FORM_REQUIRED === true
    const spelt = [...(required ? [] : [undefined]), ...forms].map((form) => `{${name}${form === undefined ? '' : `:${form}`}} "${grammar?.ordinal(round, form) ?? round}"`)
    const how = forms.length === 0 ? 'write it as is' : required ? 'it needs a form' : 'it may take a form'
    return `{${name}}: ${PLACEHOLDER_MEANING[name] ?? name}, as an ordinal word. In ${tag} ${how}: ${spelt.join(', ')} for round ${firstRound}.`
  })
}

/**
 * Every translatable unit of a locale, in the source's order, with its
 * translation and state.
 *
 * @param source The source, as the lint saw it (it passed).
 * @param locale The locale's lint.
 * @returns The units: the introduction's, then each step's and its items'.
 * @example
 *   exchangeUnits(lint.sourceView!, lint.locales[0]!).map((unit) => unit.id)
 */
export function exchangeUnits(source: SourceView, locale: LocaleLint): ExchangeUnit[] {
  const index = indexSource(source)
  const tag = locale.locale.tag
  const fileOf = (document: ContentDocument): string => path.join(locale.locale.directory, document.kind === 'guide' ? 'guide.md' : path.join('steps', document.file.basename ?? ''))
  const translatedSteps = new Map(locale.steps.flatMap((document) => {
    const id = stepIdOf(document)
    return id === undefined ? [] : [[id, document] as const]
  }))
  const units: ExchangeUnit[] = []

  // The parts of one unit of the record (the introduction, a step), lined up with the translation's.
  const addParts = (unit: UnitKey, hash: string, from: ContentDocument, to: ContentDocument | undefined, where: string): void => {
    const sourceParts = partsOf(from)
    const translated = to === undefined ? [] : partsOf(to)
    const recorded = recordedUnit(locale.record, unit)
    const state: UnitState = to === undefined ? 'missing' : recorded?.hash === hash ? 'current' : 'outdated'
    // The source's words when it was translated, part by part: only when the
    // parts still line up (a paragraph added or removed makes every part fuzzy).
    const before = state === 'outdated' ? recorded?.text?.split('\n\n') : undefined
    const lined = before?.length === sourceParts.length
    const paragraphs = sourceParts.filter((part) => part.key.startsWith('paragraph-')).length
    for (const [at, part] of sourceParts.entries()) {
      let mine = translated.find((candidate) => candidate.key === part.key)
      // A translation with more paragraphs than the source: the last unit holds the rest.
      const last = translated.at(-1)
      if (mine !== undefined && part.key === `paragraph-${paragraphs}` && last !== undefined && last !== mine && last.key.startsWith('paragraph-')) {
        mine = {...mine, text: String(to?.file.value).slice(mine.start, last.end), end: last.end}
      }
      // Paragraphs added or removed: which one each was is unknown.
      const previous = lined || !part.key.startsWith('paragraph-') ? before?.[at] : undefined
      // A part whose words have not changed since it was translated is current, though its step is not.
      const partState: UnitState = mine === undefined ? 'missing' : lined && previous === part.plain ? 'current' : state
      const what = part.key === 'title' ? 'its title' : part.key === 'summary' ? 'its summary, one sentence under the title' : `paragraph ${part.key.slice('paragraph-'.length)} of ${paragraphs} of its ${unit.target === 'introduction' ? 'introduction' : 'body'}`
      units.push({
        id: `${unit.id}.${part.key}`,
        record: unit,
        kind: part.key === 'title' || part.key === 'summary' ? part.key : 'paragraph',
        source: part.text,
        translation: mine?.text ?? '',
        span: mine === undefined || to === undefined ? undefined : {file: fileOf(to), start: mine.start, end: mine.end, yaml: part.key === 'summary'},
        state: partState,
        previous: partState === 'outdated' ? previous : undefined,
        reference: `${from.file.path}:${part.line}`,
        notes: [`${where}: ${what}.`],
      })
    }
  }

  addParts({target: 'introduction', id: 'introduction'}, index.introduction, source.guide, locale.guide, 'The guide')
  for (const step of index.steps.values()) {
    const to = translatedSteps.get(step.id)
    const where = `Step ${step.number}, "${titleOf(step.document)}"`
    addParts({target: 'step', id: step.id}, step.hash, step.document, to, where)
    for (const [at, id] of step.items.entries()) {
      const item = index.items.get(id)
      if (item === undefined) continue
      const part = itemPart(step.document, item.entry)
      if (part === undefined) continue
      const document = locale.steps.find((candidate) => candidate.items.some((other) => itemIdOf(other) === id))
      const mine = document === undefined ? undefined : itemPart(document, document.items.find((other) => itemIdOf(other) === id) as ContentDocument['items'][number])
      const unit = {target: 'item', id} as const
      const recorded = recordedUnit(locale.record, unit)
      const state: UnitState = mine === undefined ? 'missing' : recorded?.hash === item.hash ? 'current' : 'outdated'
      const firstRound = parseRounds(item.rounds)?.from ?? source.coveredRounds.from
      units.push({
        id,
        record: unit,
        kind: 'item',
        source: part.text,
        translation: mine?.text ?? '',
        span: mine === undefined || document === undefined ? undefined : {file: fileOf(document), start: mine.start, end: mine.end, yaml: false},
        state,
        previous: state === 'outdated' ? recorded?.text : undefined,
        reference: `${step.document.file.path}:${part.line}`,
        notes: [
          `${where}: checklist item ${at + 1} of ${step.items.length}, an action the reader ticks off, for rounds ${item.rounds}.`,
          ...placeholderNotes(part.text, tag, firstRound),
        ],
      })
    }
  }
  return units
}
