// The prose of a content document (title, summary, body, checklist items) as
// an nlcst tree for the retext rules (spelling, repeated-words), and the
// spelling dictionaries, loaded once per process and only when needed.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Root as NlcstRoot} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {ParseLatin} from 'parse-latin'
import remarkRetext from 'remark-retext'
import retextRepeatedWords from 'retext-repeated-words'
import retextSpell from 'retext-spell'
import {type Processor, unified} from 'unified'
import type {Node, Point, Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {type ContentDocument, matchesInSource} from './document.js'
import {entry} from './rules/shared.js'

/** The locale of content that does not say which it is: the source's. */
export const DEFAULT_LOCALE = 'en-GB'

// A dictionary package for a whole tag first, else for its language subtag:
// `en-GB` is British, any other English (`en`, `en-US`) American, `es-MX`
// Spanish. Every package is a maintained `dictionary-*` (Hunspell) package.
const DICTIONARY_BY_TAG: Readonly<Record<string, string>> = {'en-gb': 'dictionary-en-gb'}
const DICTIONARY_BY_LANGUAGE: Readonly<Record<string, string>> = {
  en: 'dictionary-en',
  es: 'dictionary-es',
  fr: 'dictionary-fr',
  de: 'dictionary-de',
}

/** Language subtags that have a spelling dictionary, for messages. */
export const SPELLING_LANGUAGES: readonly string[] = Object.keys(DICTIONARY_BY_LANGUAGE)

const languageOf = (tag: string): string => tag.split(/[-_]/)[0]?.toLowerCase() ?? ''

/**
 * The dictionary package that spells a locale.
 *
 * @param tag A BCP 47 tag (`en-GB`, `es-MX`), any case.
 * @returns The package name, or `undefined` when no dictionary covers the language.
 * @example
 *   dictionaryFor('es-MX') // 'dictionary-es'
 */
export function dictionaryFor(tag: string): string | undefined {
  return DICTIONARY_BY_TAG[tag.toLowerCase()] ?? DICTIONARY_BY_LANGUAGE[languageOf(tag)]
}

/** A loaded dictionary, ready to check trees. */
export interface Speller {
  readonly kind: 'loaded'
  readonly dictionary: string
  /** retext-spell over the dictionary; its nspell instance lives as long as the process. */
  readonly processor: ReturnType<typeof spellProcessor>
  /**
   * The words to accept besides the dictionary's, refilled before each run
   * (retext-spell keeps this very array as its `ignore` list, so a word list
   * edited in a watch session takes effect without reloading the dictionary).
   */
  readonly ignore: string[]
  /** How long loading took (reading and parsing the dictionary), in milliseconds. */
  readonly loadMs: number
}

/** A dictionary package that could not be loaded (not installed, unreadable). */
export interface MissingDictionary {
  readonly kind: 'missing'
  readonly dictionary: string
  /** Why, for the message: `'it is not installed'`, `'reading it failed (EACCES)'`. */
  readonly why: string
}

/**
 * At most this many unknown words get suggestions per dictionary and process
 * (retext-spell's `max`): suggesting is the slow part of checking (tens of
 * milliseconds a word), and hostile content could hold thousands of them.
 * Suggestions are cached by word, so the same misspelling costs once. The
 * count is retext-spell's, for the life of its processor: in a long
 * `check --watch` session, unknown words after the 30th distinct one are
 * still reported, without suggestions.
 */
export const SUGGESTION_LIMIT = 30

// One entry per dictionary package, for the life of the process (and so of a
// `check --watch` session): loading French takes seconds.
const spellers = new Map<string, Speller | MissingDictionary>()
const loads = new Map<string, number>()

/**
 * The speller for a dictionary package, loaded on first use and kept for the
 * life of the process.
 *
 * @param dictionary A `dictionary-*` package name.
 * @returns The speller, or why the package could not be loaded (also kept:
 *   a missing package is not looked for again).
 */
export function spellerFor(dictionary: string): Speller | MissingDictionary {
  let speller = spellers.get(dictionary)
  if (speller === undefined) {
    speller = loadSpeller(dictionary)
    spellers.set(dictionary, speller)
  }
  return speller
}

/**
 * How many times each dictionary was loaded in this process (for tests and
 * benchmarks: it is once per dictionary, however many checks run).
 *
 * @returns Loads by package name.
 */
export function dictionaryLoads(): ReadonlyMap<string, number> {
  return loads
}

function spellProcessor(dictionary: {aff: Uint8Array; dic: Uint8Array}, ignore: string[]): Processor<undefined, NlcstRoot, NlcstRoot, undefined, undefined> {
  // `freeze` runs the attacher: this is where nspell parses the dictionary.
  return unified().use(retextSpell, {dictionary, ignore, max: SUGGESTION_LIMIT}).freeze()
}

// Where dictionary packages are looked for: beside this module (the
// repository, or the project that installed this package and, next to it, the
// dictionaries), and nowhere else: not the working folder, which could make
// the installed bin pick up whatever a folder it is run in happens to hold.
// The packages are read as files
// (`index.aff`, `index.dic`), never imported: their `index.js` reads them
// relative to itself with top-level await, which a bundle cannot carry.
function resolveDictionary(name: string): string | undefined {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)
  try {
    return path.dirname(createRequire(here).resolve(name))
  } catch {
    return undefined
  }
}

function loadSpeller(dictionary: string): Speller | MissingDictionary {
  const folder = resolveDictionary(dictionary)
  if (folder === undefined) return {kind: 'missing', dictionary, why: 'it is not installed'}
  const started = performance.now()
  let files: {aff: Uint8Array; dic: Uint8Array}
  try {
    files = {aff: readFileSync(path.join(folder, 'index.aff')), dic: readFileSync(path.join(folder, 'index.dic'))}
  } catch (error) {
    return {kind: 'missing', dictionary, why: `reading it failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`}
  }
  const ignore: string[] = []
  const processor = spellProcessor({aff: files.aff, dic: keepStandaloneHomonyms(files.aff, files.dic)}, ignore)
  loads.set(dictionary, (loads.get(dictionary) ?? 0) + 1)
  return {kind: 'loaded', dictionary, processor, ignore, loadMs: performance.now() - started}
}

const utf8 = new TextDecoder()

/**
 * Work around nspell merging the flags of a word listed twice: Hunspell
 * keeps homonyms apart, so `sehen/DIV` (the verb) stays a word on its own
 * although `sehen/Sozm` may only appear inside compounds; nspell pools the
 * flags and then refuses `sehen`, `gut`, `wissen`… everywhere. When one entry
 * of a word may stand alone, the only-in-compound flag is dropped from its
 * other entries. Only for dictionaries with one-character flags (the
 * default `FLAG` setting, as in dictionary-de); others are returned as they are.
 *
 * @param aff The affix file.
 * @param dic The dictionary file.
 * @returns The dictionary file, changed only where a word was listed twice.
 */
export function keepStandaloneHomonyms(aff: Uint8Array, dic: Uint8Array): Uint8Array {
  const affix = utf8.decode(aff)
  const flag = /^ONLYINCOMPOUND[ \t]+(\S)[ \t]*$/m.exec(affix)?.[1]
  if (flag === undefined || /^FLAG[ \t]/m.test(affix)) return dic
  const lines = utf8.decode(dic).split('\n')
  const standalone = new Set<string>()
  const compoundOnly = new Set<string>()
  for (const line of lines) {
    const [word = '', flags = ''] = line.split(/[\t ]/, 1)[0]?.split('/') ?? []
    if (flags.includes(flag)) compoundOnly.add(word)
    else standalone.add(word)
  }
  let changed = false
  const fixed = lines.map((line) => {
    const [head = '', ...rest] = line.split(/(?=[\t ])/)
    const [word = '', flags] = head.split('/')
    if (flags === undefined || !flags.includes(flag) || !standalone.has(word) || !compoundOnly.has(word)) return line
    changed = true
    return [`${word}/${flags.replaceAll(flag, '')}`, ...rest].join('')
  })
  // A Buffer, not a bare Uint8Array: nspell reads the file with `String(dic)`.
  return changed ? Buffer.from(fixed.join('\n'), 'utf8') : dic
}

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

const cache = new WeakMap<ContentDocument, Map<string, Prose>>()

/**
 * The prose of a document: its title, its summary (the front matter value,
 * at its own position), its body paragraphs and its checklist items, as one
 * nlcst tree (the checklist heading is the locale's fixed convention, not
 * prose) with source positions (remark-retext, with the
 * English parser for English and the Latin-script parser otherwise). Code,
 * HTML and item attribute blocks are not prose; placeholders and URLs are
 * listed in `skip`. Built once per document and language.
 *
 * @param document A parsed content document.
 * @param tag Its locale.
 * @returns The tree and the spans to skip.
 */
export function proseOf(document: ContentDocument, tag: string): Prose {
  const parser = languageOf(tag) === 'en' ? 'en' : 'latin'
  let byParser = cache.get(document)
  if (byParser === undefined) {
    byParser = new Map()
    cache.set(document, byParser)
  }
  let prose = byParser.get(languageOf(tag))
  if (prose === undefined) {
    prose = buildProse(document, parser, languageOf(tag))
    byParser.set(languageOf(tag), prose)
  }
  return prose
}

function buildProse(document: ContentDocument, parser: keyof typeof toProse, language: string): Prose {
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
  const tree = toProse[parser].runSync(root as never, file) as unknown as NlcstRoot
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

/**
 * Check the spelling of a document's prose.
 *
 * @param prose What {@link proseOf} returned.
 * @param speller A loaded dictionary.
 * @param accepted Words to accept besides the dictionary's (each form as it may appear).
 * @param limit How many suggestions to keep per word.
 * @returns Each unknown word occurrence, in document order.
 */
export function misspellings(prose: Prose, speller: Speller, accepted: readonly string[], limit: number): Misspelling[] {
  speller.ignore.length = 0
  speller.ignore.push(...accepted)
  const scratch = new VFile()
  speller.processor.runSync(prose.tree as never, scratch)
  return scratch.messages
    .filter((message) => message.source === 'retext-spell' && message.ruleId !== 'overflow' && !skipped(prose, message.place))
    .map((message) => ({
      word: message.actual ?? '',
      place: reportedAt(prose, message.place ?? {line: 1, column: 1}),
      suggestions: (prose.language === 'en' ? rankSuggestions(message.actual ?? '', message.expected ?? []) : message.expected ?? []).slice(0, limit),
    }))
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

/**
 * Every word of the prose as written (whole words and the parts of joined
 * ones: `follow` and `up` of `follow-up`), curly apostrophes made straight.
 *
 * @param prose What {@link proseOf} returned.
 * @returns The words, once each.
 */
export function wordsOf(prose: Prose): Set<string> {
  const found = new Set<string>()
  visit(prose.tree as unknown as Node, 'WordNode', (node: Node) => {
    if (skipped(prose, node.position)) return
    const parts = (node as unknown as {children: Array<{type: string; value?: string}>}).children
    found.add(parts.map((part) => part.value ?? '').join('').replaceAll('’', "'"))
    for (const part of parts) if (part.type === 'TextNode' && part.value !== undefined) found.add(part.value.replaceAll('’', "'"))
  })
  return found
}
