import type {Heading, List, ListItem, Paragraph, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {PATTERNS} from '../../src/schema.js'
import {type FrontMatter, type FrontMatterEntry, readFrontMatter} from './front-matter.js'

/** The `{#id rounds=…}` block at the end of a checklist item. */
export interface ItemAttributes {
  readonly id: string
  /** Attributes other than the id, as written (`rounds=2+`). */
  readonly pairs: ReadonlyMap<string, string>
  /** Attributes that are not `key=value`, as written. */
  readonly malformed: readonly string[]
  readonly position: Position
}

/** One checklist item as found in the markdown. */
export interface ChecklistEntry {
  readonly node: ListItem
  /** The item's paragraph, when it is a single paragraph. */
  readonly paragraph: Paragraph | undefined
  readonly attributes: ItemAttributes | undefined
  /** Plain text of the item without its attribute block. */
  readonly template: string
}

/** A parsed content file, split into the parts the convention defines. */
export interface ContentDocument {
  readonly file: VFile
  readonly kind: 'guide' | 'step'
  readonly tree: Root
  readonly frontMatter: FrontMatter | undefined
  /** The first depth-1 heading. */
  readonly title: Heading | undefined
  /** Top-level nodes between the title and the `## Checklist` heading (the locale's own). */
  readonly body: readonly RootContent[]
  readonly checklistHeading: Heading | undefined
  /** Top-level nodes after the `## Checklist` heading. */
  readonly checklistSection: readonly RootContent[]
  /** Items of the first list in the checklist section. */
  readonly items: readonly ChecklistEntry[]
}

/** Text of the heading that opens a step's checklist, unless the locale's guide.md names its own (`checklist:`). */
export const CHECKLIST_HEADING = 'Checklist'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/**
 * Parse markdown with exactly the parser the content goes through (remark-parse,
 * front matter, GFM), without any lint: for the nesting-depth rule, which
 * measures the tree before the other rules run, and for tools that need raw trees.
 *
 * @param markdown Markdown source, or a file holding it.
 * @returns The mdast tree, with positions: a copy of its own, which the
 *   caller may change.
 * @throws Whatever the parser throws on input the source rules let through.
 * @example
 *   parseMarkdown('- [ ] a').children[0]?.type // 'list'
 */
export function parseMarkdown(markdown: string | VFile): Root {
  const text = typeof markdown === 'string' ? markdown : String(markdown.value)
  let pristine = byText.get(text)
  if (pristine === undefined) {
    pristine = parser.parse(text)
    if (byText.size >= MAX_CACHED_TREES) byText.delete(byText.keys().next().value as string)
    byText.set(text, pristine)
  }
  return structuredClone(pristine)
}

// Pristine trees by text, the most recent few hundred: a check parses each
// file once (nesting-depth measures the tree, parseContent takes a copy),
// `check --watch` only the files a save changed, and the test suite each
// text of its fixtures once. A copy costs a fraction of a parse. Without it,
// `npm test` took 82 s instead of 54 s (measured 2026-12-07).
const byText = new Map<string, Root>()
const MAX_CACHED_TREES = 256

// `{#id key=value …}` closing the item's text.
const ATTRIBUTES = /\{#([^{}\s]*)((?:[ \t]+[^{}\s]+)*)[ \t]*\}[ \t]*$/

/**
 * Parse one content file into its parts without judging them: rules do that.
 *
 * @param file The file, its `value` a string.
 * @param kind Whether it is the guide's introduction or a step.
 * @param headingText The text of the heading that opens the checklist
 *   in this locale (default `Checklist`), or the texts it may have.
 * @returns The document model.
 */
export function parseContent(file: VFile, kind: 'guide' | 'step', headingText: string | readonly string[] = CHECKLIST_HEADING): ContentDocument {
  const tree = parseMarkdown(file)
  const children = tree.children
  const first = children[0]
  const frontMatter = first?.type === 'yaml' ? readFrontMatter(first) : undefined

  let titleIndex = children.findIndex((node) => node.type === 'heading' && node.depth === 1)
  const title = titleIndex === -1 ? undefined : (children[titleIndex] as Heading)
  if (titleIndex === -1) titleIndex = frontMatter === undefined ? -1 : 0

  const checklistIndex = children.findIndex(
    (node) => node.type === 'heading' && node.depth === 2 && [headingText].flat().includes(toString(node).trim()),
  )
  const checklistHeading = checklistIndex === -1 ? undefined : (children[checklistIndex] as Heading)
  const body = children.slice(titleIndex + 1, checklistIndex === -1 ? undefined : checklistIndex)
  const checklistSection = checklistIndex === -1 ? [] : children.slice(checklistIndex + 1)
  const list = checklistSection.find((node): node is List => node.type === 'list')
  const items = list === undefined ? [] : list.children.map((item) => readItem(file, item))

  return {file, kind, tree, frontMatter, title, body, checklistHeading, checklistSection, items}
}

function readItem(file: VFile, node: ListItem): ChecklistEntry {
  const only = node.children.length === 1 ? node.children[0] : undefined
  const paragraph = only?.type === 'paragraph' ? only : undefined
  const last = paragraph?.children.at(-1)
  const attributes = last?.type === 'text' ? takeAttributes(file, last) : undefined
  return {node, paragraph, attributes, template: paragraph === undefined ? '' : toString(paragraph).trim()}
}

// Reads the attribute block and removes it from the text node, so the item's
// text (and any tree rendered from it later) no longer carries it. Its place
// is found in the source: escapes and entities make the node's value differ.
function takeAttributes(file: VFile, text: Text): ItemAttributes | undefined {
  const match = ATTRIBUTES.exec(text.value)
  if (match === null) return undefined
  const written = matchesInSource(file, text, new RegExp(ATTRIBUTES.source, 'g')).at(-1)
  text.value = text.value.slice(0, match.index).trimEnd()
  const pairs = new Map<string, string>()
  const malformed: string[] = []
  for (const part of (match[2] ?? '').trim().split(/[ \t]+/).filter(Boolean)) {
    const equals = part.indexOf('=')
    if (equals <= 0 || pairs.has(part.slice(0, equals))) malformed.push(part)
    else pairs.set(part.slice(0, equals), part.slice(equals + 1))
  }
  return {id: match[1] ?? '', pairs, malformed, position: written?.position ?? (text.position as Position)}
}

/**
 * Find every occurrence of a pattern in the source text of a node, as
 * positions, so rules can point at the exact characters.
 *
 * @param file The file the node is from.
 * @param node Any node with a position.
 * @param pattern A global regular expression.
 * @returns Each match with its position.
 */
export function matchesInSource(
  file: VFile,
  node: {position?: Position | undefined},
  pattern: RegExp,
): Array<{text: string; groups: readonly (string | undefined)[]; position: Position}> {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return []
  const source = String(file.value).slice(start, end)
  const place = location(file)
  const found: Array<{text: string; groups: readonly (string | undefined)[]; position: Position}> = []
  for (const match of source.matchAll(pattern)) {
    const from = place.toPoint(start + match.index)
    const to = place.toPoint(start + match.index + match[0].length)
    if (from !== undefined && to !== undefined) {
      found.push({text: match[0], groups: match.slice(1), position: {start: from, end: to}})
    }
  }
  return found
}

/** Plain text of a node, with soft line breaks folded to spaces. */
export function plainText(node: Parameters<typeof toString>[0]): string {
  return toString(node).replace(/[ \t]*\n[ \t]*/g, ' ').trim()
}

/**
 * Whether a `checklist:` value can be a heading: one line of text.
 *
 * @param value The value written.
 */
export function isHeadingText(value: string): boolean {
  return value.trim() !== '' && !/[\n#{}]/.test(value) && value.trim().length <= 60
}

/** Shape of every id in the content: lowercase words joined by hyphens. */
export const ID_PATTERN: RegExp = new RegExp(PATTERNS.id)

/** A front matter entry, only when the front matter parsed cleanly. */
export function entry(document: ContentDocument, key: string): FrontMatterEntry | undefined {
  const frontMatter = document.frontMatter
  if (frontMatter === undefined || frontMatter.problems.length > 0) return undefined
  return frontMatter.entries.get(key)
}

/** A step's id from its front matter, when it is a valid id. */
export function stepIdOf(document: ContentDocument): string | undefined {
  const value = entry(document, 'id')?.value
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined
}

/** A step's number from its front matter, when it is a positive integer. */
export function stepNumberOf(document: ContentDocument): number | undefined {
  const value = entry(document, 'step')?.value
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined
}
