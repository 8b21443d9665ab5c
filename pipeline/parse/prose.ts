// The prose of a content document (title, summary, body, checklist items) as
// an nlcst tree for the retext rules (repeated-words) and the spelling rule.
import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Root as NlcstRoot, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {toString as wordText} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {ParseLatin} from 'parse-latin'
import remarkRetext from 'remark-retext'
import retextRepeatedWords from 'retext-repeated-words'
import {unified} from 'unified'
import type {Point, Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {type Speller, languageOf} from '../lint/dictionaries.js'
import {type ContentDocument, matchesInSource, entry} from './document.js'

/** The checked text of a document as nlcst, and the spans whose words are not prose. */
export interface Prose {
  /** The language subtag the prose was parsed for (`en`, `es`…). */
  readonly language: string
  readonly tree: NlcstRoot
  /** Source offset ranges `[start, end)` to leave alone: placeholders, item attributes, URLs shown as link text. */
  readonly skip: ReadonlyArray<readonly [number, number]>
  /**
   * Where to report words of a summary whose source differs from its value
   * (escapes in a quoted value): offsets `[start, end)` of its tokens, and the value's position.
   */
  readonly summary: {readonly range: readonly [number, number]; readonly place: Point} | undefined
}

// Braces in checklist items: placeholders (`{next:f}`) and an attribute block
// the item-attributes rule could not read (`{ #id }`).
const BRACES = /\{[^{}\n]*\}/g

const toProse = {
  en: unified().use(remarkRetext, ParseEnglish).freeze(),
  latin: unified().use(remarkRetext, ParseLatin).freeze(),
}

const cache = new WeakMap<ContentDocument, Prose>()

/**
 * The prose of a document: its title, its summary (the front matter value,
 * at its own position), its body paragraphs and its checklist items, as one
 * nlcst tree (the checklist heading is the locale's fixed convention, not
 * prose) with source positions (remark-retext, with the
 * English parser for English and the Latin-script parser otherwise). Code,
 * HTML and item attribute blocks are not prose; placeholders and URLs are
 * listed in `skip`. Built once per document (a document is in one locale).
 *
 * @param document A parsed content document.
 * @param tag Its locale.
 * @returns The tree and the spans to skip.
 */
export function proseOf(document: ContentDocument, tag: string): Prose {
  let prose = cache.get(document)
  if (prose === undefined) {
    prose = buildProse(document, languageOf(tag))
    cache.set(document, prose)
  }
  return prose
}

function buildProse(document: ContentDocument, language: string): Prose {
  const {file} = document
  const skip: Array<readonly [number, number]> = []
  const children: RootContent[] = []
  const summary = summaryParagraph(document)
  if (summary !== undefined) children.push(summary.paragraph)
  const blocks: Array<Heading | Paragraph> = [
    ...(document.title === undefined ? [] : [document.title]),
    ...document.body.filter((node): node is Paragraph => node.type === 'paragraph'),
    ...document.items.flatMap((item) => (item.paragraph === undefined ? [] : [item.paragraph])),
  ]
  // In source order (a title may come after the checklist): the nlcst tree's
  // positions must only go forward.
  blocks.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))
  for (const block of blocks) {
    children.push(block)
    visit(block, 'link', (link) => {
      const text = toString(link)
      const start = link.position?.start.offset
      const end = link.position?.end.offset
      // An autolink shows its URL (or e-mail address) as its text.
      if ((text === link.url || `mailto:${text}` === link.url) && start !== undefined && end !== undefined) skip.push([start, end])
    })
  }
  for (const item of document.items) {
    for (const match of matchesInSource(file, item.node, BRACES)) {
      const {start, end} = match.position
      if (start.offset !== undefined && end.offset !== undefined) skip.push([start.offset, end.offset])
    }
  }
  const first = children[0]?.position?.start
  const last = children.at(-1)?.position?.end
  if (first === undefined || last === undefined) return {language, tree: {type: 'RootNode', children: []}, skip, summary: undefined}
  const root: Root = {type: 'root', children, position: {start: first, end: last}}
  const tree = toProse[language === 'en' ? 'en' : 'latin'].runSync(root as never, file) as unknown as NlcstRoot
  return {language, tree, skip, summary: summary?.fallback}
}

// The summary as a paragraph at its place in the front matter. A quoted value
// starts after its quote; a value whose source is not its text (escapes, a
// folded line) is checked as written but reported at the value's start.
function summaryParagraph(document: ContentDocument): {paragraph: Paragraph; fallback: Prose['summary']} | undefined {
  const found = entry(document, 'summary')
  if (found === undefined || typeof found.value !== 'string' || found.value.trim() === '') return undefined
  const place = location(document.file)
  const from = place.toOffset(found.valuePosition.start)
  const to = place.toOffset(found.valuePosition.end)
  if (from === undefined || to === undefined) return undefined
  const written = String(document.file.value).slice(from, to)
  const quoted = /^["']/.test(written) ? 1 : 0
  const exact = written.slice(quoted, written.length - quoted) === found.value
  const start = place.toPoint(from + quoted)
  const end = place.toPoint(from + quoted + found.value.length)
  if (start === undefined || end === undefined) return undefined
  const text: Text = {type: 'text', value: found.value, position: {start, end}}
  const paragraph: Paragraph = {type: 'paragraph', children: [text as PhrasingContent], position: {start, end}}
  return {paragraph, fallback: exact ? undefined : {range: [from + quoted, from + quoted + found.value.length], place: found.valuePosition.start}}
}

/** An unknown word, where it is, and what the dictionary suggests. */
export interface Misspelling {
  readonly word: string
  readonly place: Position | Point
  /** Suggestions, best first (at most `limit`). */
  readonly suggestions: readonly string[]
}

const skipped = (prose: Prose, place: Position | Point | undefined): boolean => {
  const offset = place === undefined ? undefined : 'start' in place ? place.start.offset : place.offset
  return offset !== undefined && prose.skip.some(([start, end]) => offset >= start && offset < end)
}

const reportedAt = (prose: Prose, place: Position | Point): Position | Point => {
  const offset = 'start' in place ? place.start.offset : place.offset
  const summary = prose.summary
  return summary !== undefined && offset !== undefined && offset >= summary.range[0] && offset < summary.range[1] ? summary.place : place
}

// A word in American spelling, for comparing British and American forms:
// colour/color, centre/center, organise/organize, analyse/analyze,
// catalogue/catalog, travelled/traveled.
const american = (word: string): string =>
  word
    .toLowerCase()
    .replace(/our(s?)$/, 'or$1')
    .replace(/([^aeiou])re(s?)$/, '$1er$2')
    .replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/ogue(s?)$/, 'og$1')
    .replace(/ll(ed|ing|er|ers)$/, 'l$1')

/**
 * Order an English word's suggestions so that the other side of the
 * Atlantic's spelling of it comes first (`center` → `centre` before `enter`):
 * en-GB and en-US content mostly slips into each other's spellings. Only
 * reorders what the dictionary suggested.
 *
 * @param word The unknown word.
 * @param suggestions The dictionary's suggestions, best first.
 * @returns The same suggestions, variants first.
 * @example
 *   rankSuggestions('center', ['enter', 'canter', 'censer', 'centre']) // ['centre', 'enter', 'canter', 'censer']
 */
export function rankSuggestions(word: string, suggestions: readonly string[]): string[] {
  const target = american(word)
  const variant = (suggestion: string): boolean => suggestion.toLowerCase() !== word.toLowerCase() && american(suggestion) === target
  return [...suggestions.filter(variant), ...suggestions.filter((suggestion) => !variant(suggestion))]
}

// Numbers, times of day and anything without a letter (the invisible
// variation selector U+FE0F of an emoji such as ✍️) are not words to spell.
const NOT_A_WORD = /^(?:\P{L}+|\d{1,2}:\d{2}(?:[ap]\.?m\.?)?)$/iu

/**
 * Check the spelling of a document's prose, word by word as retext-spell
 * does: apostrophes made straight, numbers and literal words (`the word
 * “foo”`) left alone, and a joined word (`follow-up`) correct when the whole
 * is, or else each part.
 *
 * @param prose What {@link proseOf} returned.
 * @param speller A loaded dictionary.
 * @param accepted Words to accept besides the dictionary's (each form as it may appear).
 * @param limit How many suggestions to keep per word.
 * @param budget How many more unknown words may get new suggestions (see {@link Speller.suggest}).
 * @param seen Filled with every word of the prose as written, literal ones
 *   included (whole words and the parts of joined ones: `follow` and `up` of
 *   `follow-up`), apostrophes made straight: what a word list entry may excuse.
 * @returns Each unknown word occurrence, in document order.
 */
export function misspellings(prose: Prose, speller: Speller, accepted: readonly string[], limit: number, budget: {left: number}, seen: Set<string>): Misspelling[] {
  const known = new Set(accepted)
  const irrelevant = (word: string): boolean => known.has(word) || NOT_A_WORD.test(word)
  const found: Misspelling[] = []
  visit(prose.tree, 'WordNode', (node: Word, index, parent) => {
    if (parent === undefined || index === undefined || skipped(prose, node.position)) return
    const word = wordText(node).replaceAll('’', "'")
    seen.add(word)
    for (const part of node.children) if (part.type === 'TextNode') seen.add(part.value.replaceAll('’', "'"))
    if (isLiteral(parent, index)) return
    if (irrelevant(word) || speller.correct(word)) return
    const parts = node.children.flatMap((child) => (child.type === 'TextNode' && !irrelevant(child.value) ? [child.value] : []))
    if (node.children.length > 1 && parts.every((part) => speller.correct(part))) return
    const suggestions = speller.suggest(word, budget)
    found.push({
      word,
      place: reportedAt(prose, node.position ?? {line: 1, column: 1}),
      suggestions: (prose.language === 'en' ? rankSuggestions(word, suggestions) : suggestions).slice(0, limit),
    })
  })
  return found
}

const repeats = unified().use(retextRepeatedWords).freeze()

// Pairs that are grammatical in a language (retext-repeated-words knows the
// English ones: `had had`, `that that`): French reflexives (`vous vous
// préparez`), German relative clauses after an article (`die, die` is written
// with a comma, but `das das` need not be).
const GRAMMATICAL_REPEATS: Readonly<Record<string, readonly string[]>> = {
  fr: ['vous', 'nous'],
  de: ['das', 'der', 'die', 'sie'],
}

/** A word written twice in a row, and where the pair is. */
export interface RepeatedWord {
  /** The pair as written (`the the`). */
  readonly actual: string
  /** The word. */
  readonly word: string
  readonly place: Position | Point
}

/**
 * Words written twice in a row (`the the`), by retext-repeated-words (which
 * lets pairs that are correct English through: `had had`, `that that`), less
 * the pairs the locale's grammar allows (`vous vous`).
 *
 * @param prose What {@link proseOf} returned.
 * @param tag The locale.
 * @returns Each repeat, in document order.
 */
export function repeatedWords(prose: Prose, tag: string): RepeatedWord[] {
  const scratch = new VFile()
  repeats.runSync(prose.tree as never, scratch)
  const allowed = GRAMMATICAL_REPEATS[languageOf(tag)] ?? []
  return scratch.messages
    .filter((message) => !skipped(prose, message.place) && !allowed.includes(message.expected?.[0]?.toLowerCase() ?? ''))
    .map((message) => ({
      actual: message.actual ?? '',
      word: message.expected?.[0] ?? '',
      place: reportedAt(prose, message.place ?? {line: 1, column: 1}),
    }))
}
