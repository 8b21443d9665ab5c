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
  /**
   * Where the translation is written: the locale's file (absolute), offsets
   * into its text, and whether it is a YAML value (the summary), written as
   * YAML; `undefined` when it has none yet.
   */
  readonly span: {readonly file: string; readonly start: number; readonly end: number; readonly yaml: boolean} | undefined
  readonly state: UnitState
  /** For an outdated unit, the source's words (plain text) when it was translated, if recorded. */
  readonly previous: string | undefined
  /** The source file and line, `content/steps/02-make-a-plan.md:9`. */
  readonly reference: string
  /** Sentences for the translator: where the unit is, what its placeholders mean and how to write them. */
  readonly notes: readonly string[]
}

/** One part of a document: its key (`title`, `summary`, `paragraph-2`, `item`), markdown, plain text and place. */
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

// The labels guide.md gives the command line, as front matter keys.
const LABELS = ['step-heading', 'round-heading'] as const

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

// A checklist item's text, without its attribute block, as the one part of its unit.
function itemParts(document: ContentDocument, id: string): Part[] {
  const item = document.items.find((other) => itemIdOf(other) === id)
  const start = item?.paragraph?.position?.start
  const end = item?.attributes?.position.start.offset
  if (item?.paragraph === undefined || start?.offset === undefined || end === undefined) return []
  const text = String(document.file.value).slice(start.offset, end).trimEnd()
  return [{key: 'item', text, plain: plainText(item.paragraph), start: start.offset, end: start.offset + text.length, line: start.line}]
}

// What the record says a part said when it was marked current, if it says.
function wordsThen(recorded: RecordedUnit | undefined, key: string, paragraphs: number): string | undefined {
  if (key.startsWith('paragraph-')) {
    // Paragraphs added or removed since: which one each was is unknown.
    return recorded?.body?.length === paragraphs ? recorded.body[Number(key.slice('paragraph-'.length)) - 1] : undefined
  }
  const labels = recorded?.labels
  return {title: recorded?.title, summary: recorded?.summary, item: recorded?.text, 'step-heading': labels?.stepHeading, 'round-heading': labels?.roundHeading}[key]
}

const WHAT: Readonly<Record<string, string>> = {
  title: 'its title',
  summary: 'its summary, one sentence under the title',
  'step-heading': 'the heading the command line prints over each step; {step} is its number, {steps} how many there are, {title} its title',
  'round-heading': "the heading over a round's checklist",
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
  const units: ExchangeUnit[] = []
  const ordinals = readOrdinals(locale.guide, tag).ordinals
  // Units still in the source's words (copied to be translated) count as missing, and are written in place.
  const copies = untranslatedUnits(source, locale.locale, locale.guide, locale.steps)

  // The parts of one unit of the record (the introduction, a step, an item), lined up with the translation's.
  const add = (unit: UnitKey, hash: string, from: ContentDocument, to: ContentDocument | undefined, copied: boolean, where: string, parts: (document: ContentDocument) => Part[], what?: string): void => {
    const firstRound = (unit.target === 'item' ? parseRounds(index.items.get(unit.id)?.rounds ?? '')?.from : undefined) ?? source.coveredRounds.from
    const sourceParts = parts(from)
    const translated = to === undefined ? [] : parts(to)
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
      const kind = part.key.startsWith('paragraph-') ? 'paragraph' : part.key === 'title' || part.key === 'item' ? part.key : 'summary'
      units.push({
        id: unit.target === 'item' ? unit.id : `${unit.id}.${part.key}`,
        record: unit,
        kind,
        source: part.text,
        translation: copied ? '' : (mine?.text ?? ''),
        span: mine === undefined || to === undefined ? undefined : {file: fileOf(to), start: mine.start, end: mine.end, yaml: kind === 'summary'},
        state: partState,
        previous: partState === 'outdated' ? previous : undefined,
        reference: `${from.file.path}:${part.line}`,
        notes: [
          `${where}: ${what ?? WHAT[part.key] ?? `paragraph ${part.key.slice('paragraph-'.length)} of ${paragraphs} of its ${unit.target === 'introduction' ? 'introduction' : 'body'}`}.`,
          ...placeholderNotes(part.text, tag, firstRound, ordinals),
        ],
      })
    }
  }

  add({target: 'introduction', id: 'introduction'}, index.introduction, source.guide, locale.guide, copies.introduction, 'The guide', partsOf)
  for (const step of index.steps.values()) {
    const where = `Step ${step.number}, "${titleOf(step.document)}"`
    const to = locale.steps.find((document) => stepIdOf(document) === step.id)
    add({target: 'step', id: step.id}, step.hash, step.document, to, copies.steps.has(step.id), where, partsOf)
    for (const [at, id] of step.items.entries()) {
      const item = index.items.get(id)
      if (item === undefined) continue
      const mine = locale.steps.find((document) => document.items.some((other) => itemIdOf(other) === id))
      const what = `checklist item ${at + 1} of ${step.items.length}, an action the reader ticks off, for rounds ${item.rounds}`
      add({target: 'item', id}, item.hash, step.document, mine, copies.items.has(id), where, (document) => itemParts(document, id), what)
    }
  }
  return units
}
