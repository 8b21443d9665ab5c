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
import {ordinalOf} from '../../src/ordinal.js'
import {PLACEHOLDER_OFFSETS, findPlaceholders} from '../../src/template.js'
import type {LocaleLint} from '../lint/lint.js'
import type {SourceView} from '../lint/rule.js'
import {type ContentDocument, entry, plainText, stepIdOf} from '../parse/document.js'
import {type LocaleOrdinals, readOrdinals} from '../parse/ordinals.js'
import {indexSource, itemIdOf, untranslatedUnits} from '../parse/parity.js'
import {parseRounds} from '../parse/rounds.js'
import {titleOf} from '../parse/units.js'
import {type RecordedUnit, type UnitKey, recordedUnit} from '../read/translation-record.js'

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
  /** `summary` for any one-line front matter value (a step's summary, guide.md's labels). */
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

// A document's title, summary (steps), paragraphs and labels (guide.md), in order.
function partsOf(document: ContentDocument): Part[] {
  const text = String(document.file.value)
  const parts: Part[] = []
  const add = (key: string, from: Point | undefined, to: Point | undefined, plain: string, value?: string): void => {
    if (from?.offset === undefined || to?.offset === undefined) return
    parts.push({key, text: value ?? text.slice(from.offset, to.offset), plain, start: from.offset, end: to.offset, line: from.line})
  }
  // A front matter value: its text is its value, written back as YAML.
  const place = location(document.file)
  const point = (at: Point): Point => ({...at, offset: place.toOffset(at)})
  const yaml = (key: string): void => {
    const found = entry(document, key)
    const value = String(found?.value ?? '').trim()
    if (found !== undefined) add(key, point(found.valuePosition.start), point(found.valuePosition.end), value, value)
  }
  const title = document.title
  add('title', title?.children[0]?.position?.start, title?.children.at(-1)?.position?.end, titleOf(document))
  if (document.kind === 'step') yaml('summary')
  const paragraphs = document.body.filter((node): node is Paragraph => node.type === 'paragraph')
  for (const [index, node] of paragraphs.entries()) add(`paragraph-${index + 1}`, node.position?.start, node.position?.end, plainText(node))
  if (document.kind === 'guide') for (const key of LABELS) yaml(key)
  return parts
}

// The labels guide.md gives the command line, as front matter keys.
const LABELS = ['step-heading', 'round-heading'] as const

// What the record says a part said when it was marked current, if it says.
function wordsThen(recorded: RecordedUnit | undefined, key: string, paragraphs: number): string | undefined {
  if (key === 'title' || key === 'summary') return recorded?.[key]
  if (key === 'step-heading') return recorded?.labels?.stepHeading
  if (key === 'round-heading') return recorded?.labels?.roundHeading
  // Paragraphs added or removed since: which one each was is unknown.
  return recorded?.body?.length === paragraphs ? recorded.body[Number(key.slice('paragraph-'.length)) - 1] : undefined
}

const WHAT: Readonly<Record<string, string>> = {
  title: 'its title',
  summary: 'its summary, one sentence under the title',
  'step-heading': 'the heading the command line prints over each step; {step} is its number, {steps} how many there are, {title} its title',
  'round-heading': "the heading over a round's checklist",
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
function placeholderNotes(template: string, tag: string, firstRound: number, ordinals: LocaleOrdinals | undefined): string[] {
  const names = [...new Set(findPlaceholders(template).filter((found) => found.known).map((found) => found.name))]
  const spell = ordinals === undefined ? undefined : ordinalOf(ordinals.ordinals)
  return names.map((name) => {
    const round = firstRound + PLACEHOLDER_OFFSETS[name as keyof typeof PLACEHOLDER_OFFSETS]
    const forms = ordinals?.ordinals.forms ?? []
    const required = ordinals?.formRequired === true
    const spelt = [...(required ? [] : [undefined]), ...forms].map((form) => `{${name}${form === undefined ? '' : `:${form}`}} "${spell?.(round, form) ?? round}"`)
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
  const ordinals = readOrdinals(locale.guide, tag).ordinals
  // Units still in the source's words (copied to be translated) count as missing, and are written in place.
  const copies = untranslatedUnits(source, locale.locale, locale.guide, locale.steps)

  // The parts of one unit of the record (the introduction, a step), lined up with the translation's.
  const addParts = (unit: UnitKey, hash: string, from: ContentDocument, to: ContentDocument | undefined, where: string, copied: boolean): void => {
    const sourceParts = partsOf(from)
    const translated = to === undefined ? [] : partsOf(to)
    const recorded = recordedUnit(locale.record, unit)
    const state: UnitState = to === undefined || copied ? 'missing' : recorded?.hash === hash ? 'current' : 'outdated'
    const paragraphs = sourceParts.filter((part) => part.key.startsWith('paragraph-')).length
    for (const part of sourceParts) {
      let mine = translated.find((candidate) => candidate.key === part.key)
      // A translation with more paragraphs than the source: the last unit holds the rest.
      const last = translated.filter((candidate) => candidate.key.startsWith('paragraph-')).at(-1)
      if (mine !== undefined && part.key === `paragraph-${paragraphs}` && last !== undefined && last !== mine) {
        mine = {...mine, text: String(to?.file.value).slice(mine.start, last.end), end: last.end}
      }
      const previous = state === 'outdated' ? wordsThen(recorded, part.key, paragraphs) : undefined
      // A part whose words have not changed since it was translated is current, though its unit is not.
      const partState: UnitState = mine === undefined || copied ? 'missing' : previous === part.plain ? 'current' : state
      const what = WHAT[part.key] ?? `paragraph ${part.key.slice('paragraph-'.length)} of ${paragraphs} of its ${unit.target === 'introduction' ? 'introduction' : 'body'}`
      units.push({
        id: `${unit.id}.${part.key}`,
        record: unit,
        kind: part.key.startsWith('paragraph-') ? 'paragraph' : part.key === 'title' ? 'title' : 'summary',
        source: part.text,
        translation: copied ? '' : (mine?.text ?? ''),
        span: mine === undefined || to === undefined ? undefined : {file: fileOf(to), start: mine.start, end: mine.end, yaml: part.key !== 'title' && !part.key.startsWith('paragraph-')},
        state: partState,
        previous: partState === 'outdated' ? previous : undefined,
        reference: `${from.file.path}:${part.line}`,
        notes: [`${where}: ${what}.`, ...placeholderNotes(part.text, tag, source.coveredRounds.from, ordinals)],
      })
    }
  }

  addParts({target: 'introduction', id: 'introduction'}, index.introduction, source.guide, locale.guide, 'The guide', copies.introduction)
  for (const step of index.steps.values()) {
    const to = translatedSteps.get(step.id)
    const where = `Step ${step.number}, "${titleOf(step.document)}"`
    addParts({target: 'step', id: step.id}, step.hash, step.document, to, where, copies.steps.has(step.id))
    for (const [at, id] of step.items.entries()) {
      const item = index.items.get(id)
      if (item === undefined) continue
      const part = itemPart(step.document, item.entry)
      if (part === undefined) continue
      const document = locale.steps.find((candidate) => candidate.items.some((other) => itemIdOf(other) === id))
      const mine = document === undefined ? undefined : itemPart(document, document.items.find((other) => itemIdOf(other) === id) as ContentDocument['items'][number])
      const unit = {target: 'item', id} as const
      const recorded = recordedUnit(locale.record, unit)
      const state: UnitState = mine === undefined || copies.items.has(id) ? 'missing' : recorded?.hash === item.hash ? 'current' : 'outdated'
      const firstRound = parseRounds(item.rounds)?.from ?? source.coveredRounds.from
      units.push({
        id,
        record: unit,
        kind: 'item',
        source: part.text,
        translation: state === 'missing' ? '' : (mine?.text ?? ''),
        span: mine === undefined || document === undefined ? undefined : {file: fileOf(document), start: mine.start, end: mine.end, yaml: false},
        state,
        previous: state === 'outdated' ? recorded?.text : undefined,
        reference: `${step.document.file.path}:${part.line}`,
        notes: [
          `${where}: checklist item ${at + 1} of ${step.items.length}, an action the reader ticks off, for rounds ${item.rounds}.`,
          ...placeholderNotes(part.text, tag, firstRound, ordinals),
        ],
      })
    }
  }
  return units
}
